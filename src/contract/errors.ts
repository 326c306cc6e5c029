import { z } from 'zod';

/** Machine-readable error codes; the message beside them is for people. */
export const ErrorCodeSchema = z.enum([
  'invalid_request',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'already_picked',
  'not_holder',
  'conversation_ended',
  'duplicate_client_id',
  'setup_done',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level problems of an invalid body: path → message. */
  fields: z.record(z.string(), z.string()).optional(),
  /** Who holds a conversation, when `already_picked` / `not_holder`. */
  holder: z.object({ id: z.string(), displayName: z.string() }).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;
