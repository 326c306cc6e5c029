/** The left pane's tabs: the two live lists, and the History of ended conversations I handled. */
export const SIDEBAR_VIEWS = ['picklist', 'mine', 'history'] as const;
export type SidebarView = (typeof SIDEBAR_VIEWS)[number];
