import { z } from 'zod';

/** The side drawer's sections; the open one lives in the URL (`?panel=`), so a reload restores it. */
export const DrawerSectionSchema = z.enum(['customer', 'details', 'history', 'notes']);
export type DrawerSection = z.infer<typeof DrawerSectionSchema>;
export const DRAWER_SECTIONS = DrawerSectionSchema.options;
