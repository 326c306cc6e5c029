import { useState } from 'react';

/**
 * True from the first render where `open` is true on. A part loaded on first use (a menu, with
 * MUI's popover, modal and transitions) mounts when it first opens and then stays mounted, so it
 * can play its closing transition and opens at once the next time.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  // Adjusting state while rendering (React's pattern for state derived from props): no extra pass.
  if (open && !opened) setOpened(true);
  return open || opened;
}
