import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box } from '@mui/material';

/**
 * A field's warning (not an error: the input is accepted), in its helper text: the icon carries
 * the colour, the words stay dark enough to read on white (orange text would not be).
 */
export function WarningText({ children }: { children: string }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'flex-start', color: 'text.primary' }}>
      <WarningAmberIcon color="warning" sx={{ fontSize: '1.1em', mt: '0.1em' }} aria-hidden />
      {children}
    </Box>
  );
}
