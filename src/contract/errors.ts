import { z } from 'zod';

/** Machine-readable error codes; the message beside them is for people. */
export const ErrorCodeSchema = z.enum([
  'invalid_request',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  /** A cookie-authenticated change or WebSocket from a page of another origin (cross-site request forgery). */
  'forbidden_origin',
  'not_found',
  'already_picked',
  'not_holder',
  'conversation_ended',
  'duplicate_client_id',
  'setup_done',
  /** Accepting or rejecting an offer that expired, was withdrawn or went to someone else. */
  'offer_expired',
  'rate_limited',
  /** Uploads: over the policy's size limit, no bytes, content not what the name says, type not allowed, undecodable image. */
  'file_too_large',
  'empty_file',
  'type_mismatch',
  'type_not_allowed',
  'unreadable_file',
  /** A message names an attachment that is unknown, someone else's, of another conversation, or already sent. */
  'attachment_unavailable',
  /** A signed file link that has expired: refetch the message for a fresh one. */
  'link_expired',
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
  /** A refused upload: the file and the rule it broke, for the UI to explain. */
  upload: z
    .object({
      fileName: z.string().nullable(),
      allowedTypes: z.array(z.string()),
      maxFileSizeBytes: z.number().int(),
    })
    .optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;
