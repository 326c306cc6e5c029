import { lazy, Suspense } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { useOpenedOnce } from '../../../hooks/use-opened-once';
import type { DrawerSection } from '../drawer-section';

// Loaded on its first opening: MUI's menu brings its popover, modal and transitions, which a list
// does not need to be shown (issue 11's first-load budget).
const RowMenu = lazy(() => import('./row-menu').then((m) => ({ default: m.RowMenu })));

/** The row whose ⋮ menu is open, and its button, where the menu opens. */
export interface RowMenuTarget {
  id: string;
  anchor: HTMLElement;
}

interface Props {
  target: RowMenuTarget | null;
  onClose(): void;
  sections: readonly DrawerSection[];
  /** Opens the target row's conversation at the chosen side-drawer section. */
  onOpen(id: string, section: DrawerSection): void;
  /** The target row's conversation when the user holds it: the menu also transfers or ends it. */
  held?: Conversation;
}

/**
 * A list's one ⋮ menu, opened at the row's button: a menu (with its popover and tooltip) in every
 * row made mounting rows while scrolling several times more expensive. Mounted at its first
 * opening, then kept, so it can animate closed.
 */
export function ListRowMenu({ target, onClose, sections, onOpen, held }: Props) {
  const opened = useOpenedOnce(target !== null);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <RowMenu
        anchor={target?.anchor}
        onClose={onClose}
        sections={sections}
        onChoose={(section) => {
          onClose();
          if (target) onOpen(target.id, section);
        }}
        held={held}
      />
    </Suspense>
  );
}
