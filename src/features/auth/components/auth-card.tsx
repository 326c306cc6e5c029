import { Box, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { strings } from '../../../lib/strings';

/** The centred card that login and setup share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper component="main" variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 400 }}>
        <Stack spacing={2}>
          <Typography variant="overline" color="primary">
            {strings.appName}
          </Typography>
          <Typography variant="h5" component="h1">
            {title}
          </Typography>
          {intro && <Typography color="text.secondary">{intro}</Typography>}
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
