import { z } from 'zod';

// Apart from opening-hours.ts: error answers (errors.ts, in every page's first load) carry it,
// and they need none of the hours' rules.

/** Whether a queue takes chats right now, for customers and supervisors. */
export const QueueAvailabilitySchema = z.object({
  /** Inside its opening hours (always, without hours). */
  open: z.boolean(),
  /** When it opens next, when closed; null when open or when no opening is set within a year. */
  nextOpening: z.iso.datetime().nullable(),
  /** As many conversations wait as the queue's maximum allows. */
  full: z.boolean(),
  /** Closed, but customers may leave a message that waits until opening. */
  leaveMessage: z.boolean(),
  /**
   * For customers (the web chat's queue list and refused starts): the queue's serviceClosed or
   * queueFull prompt as the admin wrote it, rendered; null when switched off or neither applies.
   */
  prompt: z.string().nullable().optional(),
});
export type QueueAvailability = z.infer<typeof QueueAvailabilitySchema>;
