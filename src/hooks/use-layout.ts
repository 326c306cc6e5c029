import { useSyncExternalStore } from 'react';
import { LAYOUT_QUERIES, type Layout } from '../lib/layout';

// Without media queries (jsdom in unit tests) the panel keeps the desktop layout it always had.
const media = (query: string) => (typeof matchMedia === 'function' ? matchMedia(query) : null);

// Both thresholds are watched; either crossing makes React read the layout again.
function subscribe(onChange: () => void) {
  const lists = [media(LAYOUT_QUERIES.tablet), media(LAYOUT_QUERIES.desktop)];
  lists.forEach((l) => l?.addEventListener('change', onChange));
  return () => lists.forEach((l) => l?.removeEventListener('change', onChange));
}

const current = (): Layout => {
  const tablet = media(LAYOUT_QUERIES.tablet);
  if (!tablet || media(LAYOUT_QUERIES.desktop)!.matches) return 'desktop';
  return tablet.matches ? 'tablet' : 'phone';
};

/** The layout the viewport has now (lib/layout.ts), following rotations and window resizes. */
export function useLayout(): Layout {
  return useSyncExternalStore(subscribe, current, () => 'desktop');
}
