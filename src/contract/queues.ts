import { z } from 'zod';

/**
 * `pick`: new conversations wait in the picklist until an agent picks one. `offer`: each is also
 * offered to the available agent with free capacity who has waited longest; whoever rejects it
 * or lets the offer expire is passed over, and when nobody takes it, it waits in the picklist.
 */
export const RoutingModeSchema = z.enum(['pick', 'offer']);
export type RoutingMode = z.infer<typeof RoutingModeSchema>;

export const QueueSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The conversation's destination, e.g. support@acme.example. */
  address: z.string(),
  routingMode: RoutingModeSchema,
});
export type Queue = z.infer<typeof QueueSchema>;

export const QueueListSchema = z.object({ queues: z.array(QueueSchema) });
