import { Box, Stack } from '@mui/material';
import { strings } from '../../lib/strings';

/** A placeholder line or block in the page's outline. */
const shape = (width: string, height: number) => ({ width, height, borderRadius: 1, bgcolor: 'action.hover' });

/**
 * What a page shows while its loader fills the cache: an indeterminate progress bar screen readers
 * announce by name, over the outline of a page (title, then rows), so the content does not jump
 * when it comes. Drawn with plain boxes: it is in every staff page's first load, where MUI's
 * LinearProgress and Skeleton would add about 4 KB gzip for a moment's picture.
 */
export function RoutePending() {
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Box
        role="progressbar"
        aria-label={strings.common.loading}
        sx={{
          height: 4,
          overflow: 'hidden',
          bgcolor: 'action.selected',
          '@keyframes route-pending-sweep': { from: { transform: 'translateX(-100%)' }, to: { transform: 'translateX(250%)' } },
          '&::after': {
            content: '""',
            display: 'block',
            width: '40%',
            height: '100%',
            bgcolor: 'primary.main',
            animation: 'route-pending-sweep 1.2s ease-in-out infinite',
            '@media (prefers-reduced-motion: reduce)': { animation: 'none', width: '100%', opacity: 0.5 },
          },
        }}
      />
      <Stack spacing={1.5} sx={{ maxWidth: 1200, mx: 'auto', p: { xs: 2, md: 4 } }} aria-hidden>
        <Box sx={shape('40%', 32)} />
        <Box sx={shape('70%', 20)} />
        <Box sx={shape('100%', 160)} />
      </Stack>
    </Box>
  );
}
