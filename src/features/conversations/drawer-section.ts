import type { Role } from '../../contract/auth';
import { SIDE_PANEL_SECTIONS, type SidePanelSection } from '../../contract/preference-choices';

/**
 * The side drawer's sections; the open one lives in the URL (`?panel=`), so a reload restores it,
 * and on a wide screen the user's preferences say whether it is open without one (side-panel.ts).
 */
export const DRAWER_CHOICES = SIDE_PANEL_SECTIONS;
export type DrawerSection = SidePanelSection;
/** The sections every staff member sees. */
export const DRAWER_SECTIONS: readonly DrawerSection[] = ['customer', 'details', 'history', 'notes'];
/** Supervisors and admins also see the audit trail (the server refuses it to agents). */
const OVERSEER_SECTIONS: readonly DrawerSection[] = [...DRAWER_SECTIONS, 'audit'];

export const drawerSectionsFor = (role: Role): readonly DrawerSection[] => (role === 'agent' ? DRAWER_SECTIONS : OVERSEER_SECTIONS);
