import { Box } from '@mui/material';
import { keyframes } from '@mui/material/styles';
import type { ReactNode } from 'react';

const spin = keyframes`to { transform: rotate(360deg); }`;

interface Props {
  children: ReactNode;
  type?: 'button' | 'submit';
  disabled?: boolean;
  /** Working: the button is disabled and shows a spinner over its label (as MUI's `loading`). */
  loading?: boolean;
  onClick?(): void;
}

/**
 * The main action of a first-load page (the customers' start form): the browser's own button,
 * drawn as MUI's large contained primary Button of this theme. Not MUI's Button: with ButtonBase,
 * its ripple and transitions and the loading indicator it weighs about 8 KB gzipped in the web
 * chat's first load (issue 11's 120 KB). The keyboard focus ring is the theme's global one.
 */
export function NativeButton({ children, type = 'button', disabled, loading, onClick }: Props) {
  return (
    <Box
      component="button"
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      onClick={onClick}
      sx={{
        position: 'relative',
        minWidth: 64,
        px: 2.75,
        py: 1,
        border: 0,
        borderRadius: 1,
        typography: 'button',
        fontSize: '0.9375rem',
        cursor: 'pointer',
        bgcolor: 'primary.main',
        color: 'primary.contrastText',
        transition: (theme) => theme.transitions.create('background-color', { duration: theme.transitions.duration.short }),
        '&:hover': { bgcolor: 'primary.dark' },
        '&:disabled': { cursor: 'default', bgcolor: 'action.disabledBackground', color: 'action.disabled' },
        '@media (pointer: coarse)': { minHeight: 44 },
      }}
    >
      <Box component="span" sx={{ color: loading ? 'transparent' : undefined }}>
        {children}
      </Box>
      {loading && (
        <Box
          component="span"
          aria-hidden="true"
          sx={{ position: 'absolute', inset: 0, m: 'auto', width: 16, height: 16, borderRadius: '50%', border: 2, borderColor: 'currentColor', borderTopColor: 'transparent', animation: `${spin} 0.8s linear infinite` }}
        />
      )}
    </Box>
  );
}
