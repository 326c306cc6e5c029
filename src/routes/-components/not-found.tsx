import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Stack, Typography } from '@mui/material';
import { Link } from '@tanstack/react-router';
import { notFoundStrings } from '../../lib/not-found-strings';

/** An address the panel has no page for: says so inside the frame, and leads to the user's own start page. */
export function NotFound({ path, home }: { path: string; home: '/agent' | '/supervisor' | '/admin' }) {
  const s = notFoundStrings;
  return (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 4 }}>
      <Stack spacing={2} sx={{ maxWidth: 520, alignItems: 'center', textAlign: 'center' }}>
        <SearchOffIcon color="action" sx={{ fontSize: 56 }} aria-hidden />
        <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>
          {s.title}
        </Typography>
        <Typography color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {s.body(path)}
        </Typography>
        <Button component={Link} to={home} variant="contained">
          {s.back[home]}
        </Button>
      </Stack>
    </Box>
  );
}
