import { z } from 'zod';

/** The supervisor page's views; the open one lives in the URL (`?tab=`), so a reload keeps it. */
export const SupervisorTabSchema = z.enum(['queues', 'agents', 'conversations']);
export type SupervisorTab = z.infer<typeof SupervisorTabSchema>;
export const SUPERVISOR_TABS = SupervisorTabSchema.options;
