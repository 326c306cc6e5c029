/** The supervisor page's views; the open one lives in the URL (`?tab=`), so a reload keeps it. */
export const SUPERVISOR_TABS = ['queues', 'agents', 'conversations'] as const;
export type SupervisorTab = (typeof SUPERVISOR_TABS)[number];
