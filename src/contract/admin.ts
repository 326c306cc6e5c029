import { z } from 'zod';
import { RoleSchema } from './auth';
import { PersonRefSchema } from './conversations';
import {
  AGENT_CAPACITY_MAX,
  AGENT_CAPACITY_MIN,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  QUEUE_NAME_MAX_LENGTH,
  USERNAME_MAX_LENGTH,
} from './limits';
import { PresenceSchema } from './presence';
import { OpeningHoursSchema, QUEUE_MAX_WAITING_LIMIT } from './opening-hours';
import { QueueSchema, RoutingModeSchema } from './queues';
import { text } from './text';

/** Opening hours and limits (README "Opening hours and queue limits"), as admins set them. */
function queueLimitsResponse() {
  return {
    /** Null: always open. */
    openingHours: OpeningHoursSchema.nullable(),
    /** While closed, customers may leave a message that waits until opening. */
    leaveMessage: z.boolean(),
    /** The most conversations that may wait; null: no limit. */
    maxWaiting: z.number().int().nullable(),
  };
}

/** A queue as admins manage it: with the agents who serve it. */
export const AdminQueueSchema = QueueSchema.extend({ agentIds: z.array(z.string()), ...queueLimitsResponse() });
export type AdminQueue = z.infer<typeof AdminQueueSchema>;

export const AdminQueueListSchema = z.object({ queues: z.array(AdminQueueSchema) });
export const AdminQueueResponseSchema = z.object({ queue: AdminQueueSchema });

/** Create or replace a queue (PUT replaces every field). */
export const SaveQueueRequestSchema = z.object({
  name: text().trim().min(1, 'Enter a name').max(QUEUE_NAME_MAX_LENGTH, `At most ${QUEUE_NAME_MAX_LENGTH} characters`),
  /** The conversations' destination, e.g. support@acme.example. */
  address: text().trim().max(EMAIL_MAX_LENGTH).pipe(z.email('Enter an address like support@example.com')),
  routingMode: RoutingModeSchema,
  agentIds: z.array(text()).refine((ids) => new Set(ids).size === ids.length, 'Each agent can be listed once'),
  // Left out: always open, no limit (a PUT without them clears them, as it replaces every field).
  openingHours: OpeningHoursSchema.nullable().default(null),
  leaveMessage: z.boolean().default(false),
  maxWaiting: z
    .number('Enter a whole number, or leave it empty for no limit')
    .int('Enter a whole number, or leave it empty for no limit')
    .min(1, 'At least 1 (leave it empty for no limit)')
    .max(QUEUE_MAX_WAITING_LIMIT, `At most ${QUEUE_MAX_WAITING_LIMIT}`)
    .nullable()
    .default(null),
});
export type SaveQueueRequest = z.infer<typeof SaveQueueRequestSchema>;

/** A user as admins manage them. */
export const AdminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  /** Most conversations held at once before offers stop. */
  capacity: z.number().int(),
  queueIds: z.array(z.string()),
  disabled: z.boolean(),
  presence: PresenceSchema,
  createdAt: z.iso.datetime(),
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const AdminUserListSchema = z.object({ users: z.array(AdminUserSchema) });
export const AdminUserResponseSchema = z.object({ user: AdminUserSchema });

export const UsernameSchema = text()
  .trim()
  .min(2, 'At least 2 characters')
  .max(USERNAME_MAX_LENGTH)
  .regex(/^[a-z0-9._-]+$/, 'Lower-case letters, digits, dot, dash and underscore only');

export const NewPasswordSchema = text()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH);

const CapacitySchema = z
  .number()
  .int('A whole number')
  .min(AGENT_CAPACITY_MIN, `At least ${AGENT_CAPACITY_MIN}`)
  .max(AGENT_CAPACITY_MAX, `At most ${AGENT_CAPACITY_MAX}`);

const userFields = {
  displayName: text().trim().min(1, 'Enter a name').max(DISPLAY_NAME_MAX_LENGTH),
  role: RoleSchema,
  capacity: CapacitySchema,
  /** Queues the user serves; only agents serve queues. */
  queueIds: z.array(text()).refine((ids) => new Set(ids).size === ids.length, 'Each queue can be listed once'),
};

export const CreateUserRequestSchema = z.object({ username: UsernameSchema, password: NewPasswordSchema, ...userFields });
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/**
 * PUT replaces these fields. Disabling ends every session of the user at once and closes their
 * sockets on every server instance; their held conversations go back to their queues.
 */
export const UpdateUserRequestSchema = z.object({ ...userFields, disabled: z.boolean() });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const ResetPasswordRequestSchema = z.object({ password: NewPasswordSchema });

/** One change an admin made to the workspace. */
export const AdminAuditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: PersonRefSchema,
  /** What changed, e.g. `queue.created`, `user.disabled`, `settings.updated`, `canned-response.deleted`. */
  action: z.string(),
  /** `canned-response`: a shared canned response (supervisors change them too). */
  target: z.object({ kind: z.enum(['queue', 'user', 'settings', 'canned-response', 'wrap_up_code', 'channel']), id: z.string().nullable(), name: z.string() }),
  /** For people: "Created queue Billing (offer)", "Disabled Ben Okafor". */
  summary: z.string(),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntrySchema>;

/** Newest first. */
export const AdminAuditListSchema = z.object({ entries: z.array(AdminAuditEntrySchema) });

/**
 * The web-chat identity secret's state, as admins see it without revealing it. Embedding sites
 * sign their customers' ids with the secret (HMAC-SHA256); see the README.
 */
export const WebchatIdentityStatusSchema = z.object({
  configured: z.boolean(),
  /** When the current secret was generated, and by whom; null when none is set up. */
  generatedAt: z.iso.datetime().nullable(),
  generatedBy: PersonRefSchema.nullable(),
});
export type WebchatIdentityStatus = z.infer<typeof WebchatIdentityStatusSchema>;

export const WebchatIdentityStatusResponseSchema = z.object({ identity: WebchatIdentityStatusSchema });

/** Only in the answer to generating or revealing it: never in settings or events. */
export const WebchatIdentitySecretResponseSchema = z.object({
  identity: WebchatIdentityStatusSchema,
  /** 64 hex characters; keep it on the embedding site's server, never in its pages. */
  secret: z.string(),
});
export type WebchatIdentitySecretResponse = z.infer<typeof WebchatIdentitySecretResponseSchema>;
