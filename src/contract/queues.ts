import { z } from 'zod';

export const QueueSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The conversation's destination, e.g. support@acme.example. */
  address: z.string(),
});
export type Queue = z.infer<typeof QueueSchema>;

export const QueueListSchema = z.object({ queues: z.array(QueueSchema) });
