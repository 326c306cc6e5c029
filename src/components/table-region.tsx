import { Paper, TableContainer, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';

interface Props {
  /** The region's name for screen readers: the same as its table's. */
  label: string;
  sx?: SxProps<Theme>;
  children: ReactNode;
}

/**
 * An outlined card holding a table, scrolling sideways when the table is wider than the screen
 * (a phone, or a long unbroken name). A keyboard user must be able to scroll it too, so the card
 * is a named region in the Tab order (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function TableRegion({ label, sx, children }: Props) {
  return (
    <TableContainer component={Paper} variant="outlined" tabIndex={0} role="region" aria-label={label} sx={sx}>
      {children}
    </TableContainer>
  );
}
