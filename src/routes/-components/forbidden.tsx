import BlockIcon from '@mui/icons-material/Block';
import { Box, Button, Stack, Typography } from '@mui/material';
import { Link } from '@tanstack/react-router';
import { staffFrameStrings } from '../../lib/staff-page-strings';

/** A page the user may not see: says why, and leads back to the panel. */
export function Forbidden({ title, body }: { title: string; body: string }) {
  return (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 4 }}>
      <Stack spacing={2} sx={{ maxWidth: 520, alignItems: 'center', textAlign: 'center' }}>
        <BlockIcon color="error" sx={{ fontSize: 56 }} />
        <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Typography color="text.secondary">{body}</Typography>
        <Button component={Link} to="/agent" variant="contained">
          {staffFrameStrings.backToPanel}
        </Button>
      </Stack>
    </Box>
  );
}
