import { theme } from './theme';

/**
 * The panel's three layouts, and the one place that says where each begins. The widths are the
 * theme's breakpoints (`sm` and `lg`), so responsive `sx` values and these layouts switch together:
 *
 * - **phone**, below `sm` (600 px): the conversation list (340 px) and a usable chat (at least
 *   about 260 px: the composer's three buttons and a field) do not fit side by side, so one pane
 *   shows at a time, with bottom navigation;
 * - **tablet**, from `sm`: list and chat side by side; the side drawer (380 px) would leave the chat
 *   too narrow, so it lies over the chat;
 * - **desktop**, from `lg` (1200 px): list 340 + chat at least 480 + drawer 380 fit side by side,
 *   as the panel has always been laid out.
 */
export type Layout = 'phone' | 'tablet' | 'desktop';

const { sm, lg } = theme.breakpoints.values;

/** Media queries for the layouts, for `matchMedia`. */
export const LAYOUT_QUERIES = {
  tablet: `(min-width: ${sm}px)`,
  desktop: `(min-width: ${lg}px)`,
  /** A finger rather than a mouse: swipes, the phone's own pickers, larger tap targets. */
  touch: '(pointer: coarse)',
} as const;

/** Whether the main input is a finger, asked at the moment (for a click deciding what to open). */
export const isTouch = () => typeof matchMedia === 'function' && matchMedia(LAYOUT_QUERIES.touch).matches;

/**
 * The supervisor's and admin's tables, narrower than this, would squeeze their columns into a word
 * a line: on a phone they keep this width and scroll sideways inside their own box, not the page.
 */
export const TABLE_MIN_WIDTH = 720;
