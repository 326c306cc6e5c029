import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import { Box, Typography } from '@mui/material';
import { createFileRoute } from '@tanstack/react-router';
import { panelStrings } from '../../lib/staff-page-strings';

export const Route = createFileRoute('/_staff/agent/')({
  component: () => (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 4 }}>
      <Box sx={{ textAlign: 'center', color: 'text.secondary' }}>
        <ForumOutlinedIcon sx={{ fontSize: 56, mb: 1 }} />
        <Typography>{panelStrings.nothingSelected}</Typography>
      </Box>
    </Box>
  ),
});
