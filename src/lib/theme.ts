import { createTheme } from '@mui/material/styles';

/** The one theme of the product. Colours chosen for AA contrast on white. */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#1357b8' },
    secondary: { main: '#6a3fb5' },
    background: { default: '#f3f5f8', paper: '#ffffff' },
    unread: { main: '#1565c0' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif, "Noto Color Emoji"',
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
  },
});

declare module '@mui/material/styles' {
  interface Palette {
    unread: Palette['primary'];
  }
  interface PaletteOptions {
    unread?: PaletteOptions['primary'];
  }
}

/** Styles for text read by screen readers but not shown, such as a count's full wording. */
export const visuallyHidden = {
  position: 'absolute',
  // In CSS pixels: in `sx` a bare 1 means 100 %, which made these boxes as wide as their container
  // and, left-offset, wider than a phone's screen.
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
