import { Box, type BoxProps } from '@mui/material';
import type { ReactNode, Ref } from 'react';

interface Props extends Omit<BoxProps<'span'>, 'color' | 'ref'> {
  label: ReactNode;
  /** An icon before the label (a small Chip's is 18 px). */
  icon?: ReactNode;
  variant?: 'outlined' | 'filled';
  color?: 'default' | 'secondary' | 'warning';
  ref?: Ref<HTMLSpanElement>;
}

const tagSx = {
  display: 'inline-flex',
  alignItems: 'center',
  flexShrink: 0,
  boxSizing: 'border-box',
  height: 24,
  px: '8px',
  gap: '4px',
  border: 1,
  borderRadius: 12,
  fontSize: '0.8125rem',
  lineHeight: 1,
  whiteSpace: 'nowrap',
  verticalAlign: 'middle',
  '& > svg': { ml: '-4px', flexShrink: 0 },
} as const;

/**
 * A small state label in a rounded outline or fill, drawn as MUI's small Chip draws one (sizes,
 * colours, the outline of the theme's chips): the header and the list rows are in the agent's first
 * load, and a Chip brings clicking, deleting, avatars and a dozen styled slots (about 3.5 KB gzip)
 * that a label showing a state never uses. Passes the rest (role, aria-label, tabIndex, a
 * Tooltip's handlers and ref) to its span.
 */
export function Tag({ label, icon, variant = 'outlined', color = 'default', sx, ref, ...rest }: Props) {
  const filled = variant === 'filled';
  const colors = filled
    ? color === 'default'
      ? { bgcolor: 'action.selected', borderColor: 'transparent', color: 'text.primary' }
      : { bgcolor: `${color}.main`, borderColor: 'transparent', color: `${color}.contrastText` }
    : color === 'default'
      ? { borderColor: 'Chip.defaultBorder', color: 'text.primary' }
      : { borderColor: `${color}.main`, color: `${color}.main` };
  return (
    <Box component="span" ref={ref} {...rest} sx={[tagSx, colors, ...(Array.isArray(sx) ? sx : [sx])]}>
      {icon}
      {label}
    </Box>
  );
}
