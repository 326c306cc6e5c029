import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import { Box, Typography } from '@mui/material';
import { createFileRoute } from '@tanstack/react-router';
import { strings } from '../../lib/strings';

export const Route = createFileRoute('/_staff/agent/')({
  component: () => (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 4 }}>
      <Box sx={{ textAlign: 'center', color: 'text.secondary' }}>
        <ForumOutlinedIcon sx={{ fontSize: 56, mb: 1 }} />
        <Typography>{strings.panel.nothingSelected}</Typography>
      </Box>
    </Box>
  ),
});
