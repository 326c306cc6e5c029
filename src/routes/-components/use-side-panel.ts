import type { DrawerSection } from '../../features/conversations/drawer-section';
import { preferenceChange } from '../../features/conversations/side-panel';
import { usePreferences } from '../../features/preferences/api/get-preferences';
import { useUpdatePreferences } from '../../features/preferences/api/update-preferences';
import { useLayout } from '../../hooks/use-layout';

/**
 * The side panel's remembered state, for the pages that open conversations: the conversations
 * feature decides what shows (side-panel.ts) and the preferences feature stores it; features do
 * not import each other, so they meet here. Stored on the server, not in this browser: the agent
 * finds the panel as they left it on any computer they log in on.
 */
export function useSidePanelPreference() {
  const layout = useLayout();
  const preference = usePreferences().data?.sidePanel;
  const update = useUpdatePreferences();
  /** Remembers an opening, a switch or a closing the user made (on a wide screen; see preferenceChange). */
  const remember = (section: DrawerSection | undefined) => {
    const change = preferenceChange(section, layout, preference);
    if (change) update.mutate({ sidePanel: change });
  };
  return { layout, preference, remember };
}
