import { createTheme, type ThemeOptions } from '@mui/material/styles';

/** Where the chosen scheme is remembered in the browser, for the first paint before the server answers (public/color-scheme.js reads it too). */
export const COLOR_SCHEME_STORAGE_KEY = 'cp-color-scheme';

/** The ring around whatever has the keyboard's focus: 3 px, offset from the control, in a colour with at least 3:1 against both schemes' backgrounds (WCAG 2.2 focus appearance). */
const focusRing = { outline: '3px solid var(--mui-palette-focusRing)', outlineOffset: '2px' } as const;

/**
 * The theme of the product, with a light and a dark scheme as CSS variables: the `.light` or
 * `.dark` class on the html element picks one (set before the first paint by public/color-scheme.js,
 * then by MUI's provider). Colours chosen for AA contrast on each scheme's background.
 */
const themeOptions: ThemeOptions = {
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1357b8' },
        secondary: { main: '#6a3fb5' },
        background: { default: '#f3f5f8', paper: '#ffffff' },
        unread: { main: '#1565c0', contrastText: '#ffffff' },
        // Dark enough for text on white (waiting times near their limit, the unverified-name chip).
        warning: { main: '#ed6c02', dark: '#b45309' },
        // Red text (waiting past the limit) keeps 4.5:1 on a selected row's tint too.
        error: { main: '#c62828' },
        focusRing: '#1357b8',
        note: { bg: '#fff4d6', border: '#f0c36d', accent: '#e0a100', text: '#3d2e00', label: '#7a5400', icon: '#9a6b00' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#8ab4f8' },
        secondary: { main: '#c9a8ff' },
        background: { default: '#121417', paper: '#1c1f24' },
        unread: { main: '#8ab4f8', contrastText: '#0b1a33' },
        warning: { main: '#ffa726', dark: '#ffb74d' },
        error: { main: '#ff8a80' },
        focusRing: '#9cc3ff',
        note: { bg: '#3a2f12', border: '#7a6120', accent: '#e0a100', text: '#fbeecb', label: '#f3d58a', icon: '#f3d58a' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif, "Noto Color Emoji"',
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCssBaseline: { styleOverrides: { ':focus-visible': focusRing } },
    // MUI removes the outline of its buttons, list items, tabs and switches and draws a faint ripple instead.
    MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
  },
};

export const theme = createTheme(themeOptions);

/** The same theme mirrored for a right-to-left language (made only when one is chosen). */
export const rtlTheme = () => createTheme({ ...themeOptions, direction: 'rtl' });

/** An internal note's yellow card, per scheme. */
interface NotePalette {
  bg: string;
  border: string;
  accent: string;
  text: string;
  label: string;
  icon: string;
}

declare module '@mui/material/styles' {
  interface Palette {
    unread: Palette['primary'];
    focusRing: string;
    note: NotePalette;
  }
  interface PaletteOptions {
    unread?: PaletteOptions['primary'];
    focusRing?: string;
    note?: NotePalette;
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
