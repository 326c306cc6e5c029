import { z } from 'zod';
import type { Role } from '../../contract/auth';

/** The side drawer's sections; the open one lives in the URL (`?panel=`), so a reload restores it. */
export const DrawerSectionSchema = z.enum(['customer', 'details', 'history', 'notes', 'audit']);
export type DrawerSection = z.infer<typeof DrawerSectionSchema>;
/** The sections every staff member sees. */
export const DRAWER_SECTIONS: readonly DrawerSection[] = ['customer', 'details', 'history', 'notes'];
/** Supervisors and admins also see the audit trail (the server refuses it to agents). */
const OVERSEER_SECTIONS: readonly DrawerSection[] = [...DRAWER_SECTIONS, 'audit'];

export const drawerSectionsFor = (role: Role): readonly DrawerSection[] => (role === 'agent' ? DRAWER_SECTIONS : OVERSEER_SECTIONS);
