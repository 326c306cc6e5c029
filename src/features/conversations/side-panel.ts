import type { SidePanelPreference } from '../../contract/preferences';
import type { Layout } from '../../lib/layout';
import type { DrawerSection } from './drawer-section';

/**
 * Which side-panel section shows, if any. A section in the address (`?panel=`, from a link, a
 * row's menu or a reload) always shows. Without one, a wide screen, where the panel lies beside the
 * chat and hides nothing, follows the user's saved preference (open at first); on a tablet or a
 * phone the panel covers the chat, so it opens only when asked for.
 */
export function shownSection(
  inAddress: DrawerSection | undefined,
  layout: Layout,
  preference: SidePanelPreference | undefined,
  sections: readonly DrawerSection[],
): DrawerSection | undefined {
  if (inAddress) return sections.includes(inAddress) ? inAddress : undefined;
  if (layout !== 'desktop' || !preference?.open) return undefined;
  // A section this user may no longer open (a supervisor's audit trail, now an agent): the first one.
  return sections.includes(preference.section) ? preference.section : sections[0];
}

/**
 * The section the panel's toggle opens: the one last chosen, when this user may open it.
 */
export const toggleSection = (preference: SidePanelPreference | undefined, sections: readonly DrawerSection[]): DrawerSection =>
  preference && sections.includes(preference.section) ? preference.section : sections[0]!;

/**
 * What to save when the panel changes on a wide screen: open at a section, or closed (keeping the
 * section for the next opening). Null when nothing changes, so no request is made.
 */
export function preferenceChange(
  next: DrawerSection | undefined,
  layout: Layout,
  preference: SidePanelPreference | undefined,
): Partial<SidePanelPreference> | null {
  // On a tablet or a phone the panel is an overlay dismissed after use: that says nothing of the wide screen's panel.
  if (layout !== 'desktop' || !preference) return null;
  if (next === undefined) return preference.open ? { open: false } : null;
  return preference.open && preference.section === next ? null : { open: true, section: next };
}
