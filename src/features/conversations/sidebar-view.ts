import { z } from 'zod';

/** The left pane's tabs: the two live lists, and the History of ended conversations I handled. */
export const SidebarViewSchema = z.enum(['picklist', 'mine', 'history']);
export type SidebarView = z.infer<typeof SidebarViewSchema>;
