import { z } from 'zod';
import {
  AdminAuditListSchema,
  AdminQueueListSchema,
  AdminQueueResponseSchema,
  AdminUserListSchema,
  AdminUserResponseSchema,
  CreateUserRequestSchema,
  ResetPasswordRequestSchema,
  SaveQueueRequestSchema,
  UpdateUserRequestSchema,
  WebchatIdentitySecretResponseSchema,
  WebchatIdentityStatusResponseSchema,
} from './admin';
import {
  AttachmentDownloadQuerySchema,
  AttachmentPolicyResponseSchema,
  FileBytesSchema,
  UploadAttachmentResponseSchema,
} from './attachments';
import {
  LoginRequestSchema,
  LoginResponseSchema,
  MeResponseSchema,
  SetupRequestSchema,
  SetupStatusSchema,
} from './auth';
import {
  ConversationListQuerySchema,
  ConversationPageSchema,
  ConversationResponseSchema,
} from './conversations';
import {
  CustomerHistoryPageSchema,
  CustomerHistoryQuerySchema,
  HandledPageSchema,
  HandledQuerySchema,
} from './history';
import {
  MessagePageQuerySchema,
  MessagePageSchema,
  SendMessageRequestSchema,
  SendMessageResponseSchema,
} from './messages';
import { DraftResponseSchema, SaveDraftRequestSchema } from './drafts';
import { CreateNoteRequestSchema, CreateNoteResponseSchema, NoteListSchema } from './notes';
import { PreferencesResponseSchema, UpdatePreferencesRequestSchema } from './preferences';
import { MyPresenceResponseSchema, SetPresenceRequestSchema } from './presence';
import { QueueListSchema } from './queues';
import { AgentStatusListSchema, AuditTrailSchema, OpenConversationsQuerySchema, QueueDashboardSchema } from './supervision';
import { MarkReadRequestSchema, MarkReadResponseSchema, UnreadTotalsSchema } from './read-markers';
import { RoutingSettingsResponseSchema, SettingsResponseSchema, UpdateSettingsRequestSchema } from './settings';
import {
  TransferListSchema,
  TransferRequestSchema,
  TransferResponseSchema,
  TransferTargetsSchema,
} from './transfers';
import {
  CustomerConversationResponseSchema,
  PublicQueueListSchema,
  StartChatRequestSchema,
  StartChatResponseSchema,
} from './webchat';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: `public` anyone, `staff` a logged-in user, `customer` a conversation token. */
export type RouteAccess = 'public' | 'staff' | 'customer';

export interface RouteDef {
  method: HttpMethod;
  /** Fastify-style path; `:name` segments are parameters. */
  path: string;
  summary: string;
  access: RouteAccess;
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
  /**
   * `multipart`: the body is multipart/form-data with one file part named `file`
   * (ATTACHMENT_UPLOAD_FIELD); `body` is then absent. JSON otherwise.
   */
  bodyFormat?: 'json' | 'multipart';
  /** `binary`: the answer is file bytes (with Range support), not JSON; errors are still JSON. */
  responseFormat?: 'json' | 'binary';
}

export const HealthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
export const ReadySchema = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });
export const OkSchema = z.object({ ok: z.literal(true) });

/** Every HTTP route of the API. The server registers these, the client calls them, the mocks mirror them. */
export const api = {
  health: { method: 'GET', path: '/api/health', summary: 'Liveness: the server process answers (the database is not queried)', access: 'public', response: HealthSchema },
  ready: { method: 'GET', path: '/api/ready', summary: 'Readiness: the database answers; 503 `unavailable` while it cannot be reached', access: 'public', response: ReadySchema },

  setupStatus: { method: 'GET', path: '/api/setup', summary: 'Whether the first admin must still be created', access: 'public', response: SetupStatusSchema },
  setup: { method: 'POST', path: '/api/setup', summary: 'Create the first admin of an empty workspace', access: 'public', body: SetupRequestSchema, response: LoginResponseSchema },

  login: { method: 'POST', path: '/api/auth/login', summary: 'Log in; sets the session cookie and returns a bearer token', access: 'public', body: LoginRequestSchema, response: LoginResponseSchema },
  logout: { method: 'POST', path: '/api/auth/logout', summary: 'End this session', access: 'staff', response: OkSchema },
  me: { method: 'GET', path: '/api/auth/me', summary: 'The logged-in user', access: 'staff', response: MeResponseSchema },

  presence: { method: 'GET', path: '/api/presence', summary: 'My presence, capacity and current load', access: 'staff', response: MyPresenceResponseSchema },
  setPresence: { method: 'PUT', path: '/api/presence', summary: 'Set my presence: available (receive offers), busy or away; every staff socket gets presence.changed', access: 'staff', body: SetPresenceRequestSchema, response: MyPresenceResponseSchema },
  preferences: { method: 'GET', path: '/api/preferences', summary: 'My list order and notification choices, shared by all my devices', access: 'staff', response: PreferencesResponseSchema },
  updatePreferences: { method: 'PUT', path: '/api/preferences', summary: 'Change what the body names of my preferences; my other devices get preferences.updated', access: 'staff', body: UpdatePreferencesRequestSchema, response: PreferencesResponseSchema },

  queues: { method: 'GET', path: '/api/queues', summary: 'Queues the user may see', access: 'staff', response: QueueListSchema },

  conversations: { method: 'GET', path: '/api/conversations', summary: 'One page of the Picklist (waiting in my queues), mine (held by me, in my chosen sort) or offers (offered to me now, one page); paged by an opaque cursor, with the total', access: 'staff', query: ConversationListQuerySchema, response: ConversationPageSchema },
  conversation: { method: 'GET', path: '/api/conversations/:id', summary: 'One conversation', access: 'staff', response: ConversationResponseSchema },
  pick: { method: 'POST', path: '/api/conversations/:id/pick', summary: 'Take a waiting conversation; exactly one agent wins', access: 'staff', response: ConversationResponseSchema },
  accept: { method: 'POST', path: '/api/conversations/:id/accept', summary: 'Accept the conversation offered to me; 409 offer_expired once the offer has ended', access: 'staff', response: ConversationResponseSchema },
  reject: { method: 'POST', path: '/api/conversations/:id/reject', summary: 'Reject the conversation offered to me: it is offered to the next agent or waits in the picklist', access: 'staff', response: ConversationResponseSchema },
  unread: { method: 'GET', path: '/api/conversations/unread', summary: 'My unread totals (conversations with unread customer messages, and those messages) in what I hold and what I am offered; per-row read states come with the list pages', access: 'staff', response: UnreadTotalsSchema },
  markRead: { method: 'PUT', path: '/api/conversations/:id/read', summary: 'I have seen the messages up to seq; my other devices get read.updated. Nobody else is affected', access: 'staff', body: MarkReadRequestSchema, response: MarkReadResponseSchema },
  end: { method: 'POST', path: '/api/conversations/:id/end', summary: 'End a conversation I hold', access: 'staff', response: ConversationResponseSchema },
  messages: { method: 'GET', path: '/api/conversations/:id/messages', summary: 'Messages, newest page first; `before` pages back', access: 'staff', query: MessagePageQuerySchema, response: MessagePageSchema },
  sendMessage: { method: 'POST', path: '/api/conversations/:id/messages', summary: 'Send as agent; idempotent by clientMessageId', access: 'staff', body: SendMessageRequestSchema, response: SendMessageResponseSchema },
  notes: { method: 'GET', path: '/api/conversations/:id/notes', summary: 'Internal notes, newest first; never shown to the customer', access: 'staff', response: NoteListSchema },
  createNote: { method: 'POST', path: '/api/conversations/:id/notes', summary: 'Add an internal note (201); a retry with the same clientNoteId returns the first note (200)', access: 'staff', body: CreateNoteRequestSchema, response: CreateNoteResponseSchema },
  customerHistory: { method: 'GET', path: '/api/conversations/:id/history', summary: "The customer's other conversations the user may view, by arrival; paged by an opaque cursor", access: 'staff', query: CustomerHistoryQuerySchema, response: CustomerHistoryPageSchema },
  draft: { method: 'GET', path: '/api/conversations/:id/draft', summary: 'My unsent text in this conversation, on any of my devices', access: 'staff', response: DraftResponseSchema },
  saveDraft: { method: 'PUT', path: '/api/conversations/:id/draft', summary: 'Save my unsent text; empty text removes the draft', access: 'staff', body: SaveDraftRequestSchema, response: DraftResponseSchema },
  handledConversations: { method: 'GET', path: '/api/conversations/handled', summary: 'Ended conversations I held at the end or transferred away (supervisors and admins: all ended); search by customer name, email or phone; paged by an opaque cursor', access: 'staff', query: HandledQuerySchema, response: HandledPageSchema },
  transfer: { method: 'POST', path: '/api/conversations/:id/transfer', summary: 'Hand a conversation I hold to a queue or to a logged-in agent, with an optional internal note; it waits again', access: 'staff', body: TransferRequestSchema, response: TransferResponseSchema },
  transfers: { method: 'GET', path: '/api/conversations/:id/transfers', summary: "A conversation's transfers, oldest first", access: 'staff', response: TransferListSchema },
  transferTargets: { method: 'GET', path: '/api/transfer-targets', summary: 'For the transfer dialog: all queues and the logged-in agents other than me', access: 'staff', response: TransferTargetsSchema },

  queueDashboard: { method: 'GET', path: '/api/supervisor/queues', summary: 'Supervisors and admins: every queue now (waiting, longest wait, offered, in progress, agents) with the last hour of waiting counts', access: 'staff', response: QueueDashboardSchema },
  agentStatuses: { method: 'GET', path: '/api/supervisor/agents', summary: "Supervisors and admins: every agent's presence, connection and workload", access: 'staff', response: AgentStatusListSchema },
  openConversations: { method: 'GET', path: '/api/supervisor/conversations', summary: 'Supervisors and admins: waiting, offered and held conversations by arrival, optionally of one queue; paged by an opaque cursor, with the total', access: 'staff', query: OpenConversationsQuerySchema, response: ConversationPageSchema },
  auditTrail: { method: 'GET', path: '/api/conversations/:id/audit', summary: "Supervisors and admins: a conversation's audit trail (arrival, offers, picks, transfers, returns, end, refused uploads), oldest first", access: 'staff', response: AuditTrailSchema },
  reassign: { method: 'POST', path: '/api/conversations/:id/reassign', summary: 'Supervisors and admins: move an open conversation to a queue or to a logged-in agent, with the rules of a transfer', access: 'staff', body: TransferRequestSchema, response: TransferResponseSchema },

  adminQueues: { method: 'GET', path: '/api/admin/queues', summary: 'Admins: every queue with its agents', access: 'staff', response: AdminQueueListSchema },
  createQueue: { method: 'POST', path: '/api/admin/queues', summary: 'Admins: create a queue (201)', access: 'staff', body: SaveQueueRequestSchema, response: AdminQueueResponseSchema },
  updateQueue: { method: 'PUT', path: '/api/admin/queues/:id', summary: 'Admins: change a queue: name, address, routing mode and agents', access: 'staff', body: SaveQueueRequestSchema, response: AdminQueueResponseSchema },
  adminUsers: { method: 'GET', path: '/api/admin/users', summary: 'Admins: every user', access: 'staff', response: AdminUserListSchema },
  createUser: { method: 'POST', path: '/api/admin/users', summary: 'Admins: create a user (201)', access: 'staff', body: CreateUserRequestSchema, response: AdminUserResponseSchema },
  updateUser: { method: 'PUT', path: '/api/admin/users/:id', summary: 'Admins: change a user; disabling ends their sessions everywhere at once', access: 'staff', body: UpdateUserRequestSchema, response: AdminUserResponseSchema },
  resetPassword: { method: 'POST', path: '/api/admin/users/:id/password', summary: "Admins: set a new password; the user's sessions end", access: 'staff', body: ResetPasswordRequestSchema, response: AdminUserResponseSchema },
  adminAudit: { method: 'GET', path: '/api/admin/audit', summary: 'Admins: the changes admins made to queues, users and settings, newest first', access: 'staff', response: AdminAuditListSchema },
  webchatIdentity: { method: 'GET', path: '/api/admin/webchat-identity', summary: 'Admins: whether a web-chat identity secret is set up, since when and by whom (never the secret)', access: 'staff', response: WebchatIdentityStatusResponseSchema },
  generateWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/secret', summary: 'Admins: generate the web-chat identity secret, replacing any earlier one (links signed with it stop working); the answer shows it once; audited', access: 'staff', response: WebchatIdentitySecretResponseSchema },
  revealWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/reveal', summary: 'Admins: show the current web-chat identity secret; audited', access: 'staff', response: WebchatIdentitySecretResponseSchema },

  webchatQueues: { method: 'GET', path: '/api/webchat/queues', summary: 'Queues a customer may write to', access: 'public', response: PublicQueueListSchema },
  webchatStart: { method: 'POST', path: '/api/webchat/conversations', summary: "Start a conversation; returns the customer token. Idempotent by the first message's clientMessageId for a short while (same body: 200 with the same conversation; other body: 409). With customerId and signature the customer is verified (403 invalid_signature otherwise)", access: 'public', body: StartChatRequestSchema, response: StartChatResponseSchema },
  webchatConversation: { method: 'GET', path: '/api/webchat/conversation', summary: "The customer's own conversation", access: 'customer', response: CustomerConversationResponseSchema },
  webchatMessages: { method: 'GET', path: '/api/webchat/messages', summary: "The customer's messages", access: 'customer', query: MessagePageQuerySchema, response: MessagePageSchema },
  webchatSend: { method: 'POST', path: '/api/webchat/messages', summary: 'Send as customer; idempotent by clientMessageId', access: 'customer', body: SendMessageRequestSchema, response: SendMessageResponseSchema },

  settings: { method: 'GET', path: '/api/settings', summary: 'Workspace settings (admins only)', access: 'staff', response: SettingsResponseSchema },
  updateSettings: { method: 'PUT', path: '/api/settings', summary: 'Replace the attachment policies (admins only); staff sockets get settings.updated', access: 'staff', body: UpdateSettingsRequestSchema, response: SettingsResponseSchema },
  routingSettings: { method: 'GET', path: '/api/settings/routing', summary: 'Offer timeout, lost-agent grace and reply time limit, for every staff member', access: 'staff', response: RoutingSettingsResponseSchema },
  attachmentPolicy: { method: 'GET', path: '/api/attachments/policy', summary: 'What agents may upload', access: 'staff', response: AttachmentPolicyResponseSchema },
  uploadAttachment: { method: 'POST', path: '/api/conversations/:id/attachments', summary: 'Upload one file (multipart, field `file`) into a conversation I hold (201); send its id with a message', access: 'staff', bodyFormat: 'multipart', response: UploadAttachmentResponseSchema },
  downloadAttachment: { method: 'GET', path: '/api/attachments/:id', summary: "A file's bytes, for staff who may view its conversation, or for anyone with a signed link (`exp` and `sig` from the attachment's url); Range requests get 206", access: 'staff', query: AttachmentDownloadQuerySchema, response: FileBytesSchema, responseFormat: 'binary' },
  webchatAttachmentPolicy: { method: 'GET', path: '/api/webchat/attachments/policy', summary: 'What customers may upload', access: 'customer', response: AttachmentPolicyResponseSchema },
  webchatUploadAttachment: { method: 'POST', path: '/api/webchat/attachments', summary: 'Upload one file (multipart, field `file`) into my chat (201); send its id with a message', access: 'customer', bodyFormat: 'multipart', response: UploadAttachmentResponseSchema },
  webchatDownloadAttachment: { method: 'GET', path: '/api/webchat/attachments/:id', summary: "A file of my chat's messages, or one I uploaded; Range requests get 206", access: 'customer', query: AttachmentDownloadQuerySchema, response: FileBytesSchema, responseFormat: 'binary' },
} as const satisfies Record<string, RouteDef>;

export type Api = typeof api;
export type RouteName = keyof Api;

/** The WebSocket endpoint; frames are described in events.ts. */
export const REALTIME_PATH = '/api/realtime';

/** Fills `:name` segments of a route path. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
