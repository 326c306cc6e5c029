import { z } from 'zod';
import { FIELD_ISSUE_CODES } from './field-issue';
import { QueueAvailabilitySchema } from './queue-availability';

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
  /** Ending a chat in a queue that needs a reason (wrap-up code), without one. */
  'wrap_up_required',
  /** A wrap-up code that is unknown, retired, or not offered in the conversation's queue. */
  'wrap_up_code_unavailable',
  'rate_limited',
  /** A search whose text has no letter or digit: nothing could match it. */
  'invalid_search',
  /** A note @mentions someone who may not see its conversation (or is no active staff member). */
  'mention_not_allowed',
  /** Uploads: over the policy's size limit, no bytes, content not what the name says, type not allowed, undecodable image. */
  'file_too_large',
  'empty_file',
  'type_mismatch',
  'type_not_allowed',
  'unreadable_file',
  /** The multipart body ended before the file did (the client stopped sending). */
  'upload_incomplete',
  /** An image declaring more pixels than the policy allows (a decompression bomb, or just too big). */
  'image_too_large',
  /** A customer has as many uploaded-but-unsent files as allowed (CUSTOMER_UNSENT_FILES_MAX). */
  'too_many_unsent_files',
  /** A message names an attachment that is unknown, someone else's, of another conversation, or already sent. */
  'attachment_unavailable',
  /** A signed file link that has expired: refetch the message for a fresh one. */
  'link_expired',
  /** A web-chat link whose customer signature is wrong, or that the workspace cannot check (no secret set up). */
  'invalid_signature',
  /** A user has registered as many devices for push notifications as allowed (DEVICES_PER_USER_MAX). */
  'too_many_devices',
  /** A canned response's shortcut is taken in the same scope (the shared ones, or the user's own). */
  'duplicate_shortcut',
  /** What a messaging channel cannot carry: files on SMS, text longer than the channel allows. */
  'channel_limit',
  /** WhatsApp: more than 24 hours since the customer's last message, so a free-form reply is refused. */
  'reply_window_closed',
  /** Starting a chat in a queue outside its opening hours (`availability` says when it opens). */
  'service_closed',
  /** Starting a chat in a queue where as many conversations wait as its maximum allows. */
  'queue_full',
  /** The satisfaction survey: answered already, asked before the chat ended, or switched off by an admin. */
  'already_rated',
  'conversation_open',
  'survey_off',
  /** The database cannot be reached right now (503 with Retry-After): try again shortly. */
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Field-level problems of an invalid body: path → message. */
  fields: z.record(z.string(), z.string()).optional(),
  /**
   * The same problems for a program: per path, why (a fixed code) and the limit broken, so a
   * client can say it in its user's language. `fields` stays the English text for clients that
   * do not read this. A field the server refuses by a rule of its own may have no entry here.
   */
  fieldIssues: z
    .record(
      z.string(),
      z.object({ code: z.enum(FIELD_ISSUE_CODES), minimum: z.number().optional(), maximum: z.number().optional() }),
    )
    .optional(),
  /** Who holds a conversation, when `already_picked` / `not_holder`. */
  holder: z.object({ id: z.string(), displayName: z.string() }).optional(),
  /** A refused start (`service_closed`, `queue_full`): the queue's state, for the web chat to explain. */
  availability: QueueAvailabilitySchema.optional(),
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
