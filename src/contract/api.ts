import { z } from 'zod';
import type { RouteDef } from './route-def';
import { webchatApi } from './webchat-api';
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

export { buildPath, REALTIME_PATH, type HttpMethod, type RouteAccess, type RouteDef } from './route-def';

export const HealthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
export const ReadySchema = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });
export const OkSchema = z.object({ ok: z.literal(true) });

/**
 * Every HTTP route of the API. The server registers these, the client calls them, the mocks mirror
 * them. Their one-line descriptions for the OpenAPI document are in api-summaries.ts, so browsers do
 * not download them with every page.
 */
export const api = {
  health: { method: 'GET', path: '/api/health', access: 'public', response: HealthSchema },
  ready: { method: 'GET', path: '/api/ready', access: 'public', response: ReadySchema },

  setupStatus: { method: 'GET', path: '/api/setup', access: 'public', response: SetupStatusSchema },
  setup: { method: 'POST', path: '/api/setup', access: 'public', body: SetupRequestSchema, response: LoginResponseSchema },

  login: { method: 'POST', path: '/api/auth/login', access: 'public', body: LoginRequestSchema, response: LoginResponseSchema },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'staff', response: OkSchema },
  me: { method: 'GET', path: '/api/auth/me', access: 'staff', response: MeResponseSchema },

  presence: { method: 'GET', path: '/api/presence', access: 'staff', response: MyPresenceResponseSchema },
  setPresence: { method: 'PUT', path: '/api/presence', access: 'staff', body: SetPresenceRequestSchema, response: MyPresenceResponseSchema },
  preferences: { method: 'GET', path: '/api/preferences', access: 'staff', response: PreferencesResponseSchema },
  updatePreferences: { method: 'PUT', path: '/api/preferences', access: 'staff', body: UpdatePreferencesRequestSchema, response: PreferencesResponseSchema },

  queues: { method: 'GET', path: '/api/queues', access: 'staff', response: QueueListSchema },

  conversations: { method: 'GET', path: '/api/conversations', access: 'staff', query: ConversationListQuerySchema, response: ConversationPageSchema },
  conversation: { method: 'GET', path: '/api/conversations/:id', access: 'staff', response: ConversationResponseSchema },
  pick: { method: 'POST', path: '/api/conversations/:id/pick', access: 'staff', response: ConversationResponseSchema },
  accept: { method: 'POST', path: '/api/conversations/:id/accept', access: 'staff', response: ConversationResponseSchema },
  reject: { method: 'POST', path: '/api/conversations/:id/reject', access: 'staff', response: ConversationResponseSchema },
  unread: { method: 'GET', path: '/api/conversations/unread', access: 'staff', response: UnreadTotalsSchema },
  markRead: { method: 'PUT', path: '/api/conversations/:id/read', access: 'staff', body: MarkReadRequestSchema, response: MarkReadResponseSchema },
  end: { method: 'POST', path: '/api/conversations/:id/end', access: 'staff', response: ConversationResponseSchema },
  messages: { method: 'GET', path: '/api/conversations/:id/messages', access: 'staff', query: MessagePageQuerySchema, response: MessagePageSchema },
  sendMessage: { method: 'POST', path: '/api/conversations/:id/messages', access: 'staff', body: SendMessageRequestSchema, response: SendMessageResponseSchema },
  notes: { method: 'GET', path: '/api/conversations/:id/notes', access: 'staff', response: NoteListSchema },
  createNote: { method: 'POST', path: '/api/conversations/:id/notes', access: 'staff', body: CreateNoteRequestSchema, response: CreateNoteResponseSchema },
  customerHistory: { method: 'GET', path: '/api/conversations/:id/history', access: 'staff', query: CustomerHistoryQuerySchema, response: CustomerHistoryPageSchema },
  draft: { method: 'GET', path: '/api/conversations/:id/draft', access: 'staff', response: DraftResponseSchema },
  saveDraft: { method: 'PUT', path: '/api/conversations/:id/draft', access: 'staff', body: SaveDraftRequestSchema, response: DraftResponseSchema },
  handledConversations: { method: 'GET', path: '/api/conversations/handled', access: 'staff', query: HandledQuerySchema, response: HandledPageSchema },
  transfer: { method: 'POST', path: '/api/conversations/:id/transfer', access: 'staff', body: TransferRequestSchema, response: TransferResponseSchema },
  transfers: { method: 'GET', path: '/api/conversations/:id/transfers', access: 'staff', response: TransferListSchema },
  transferTargets: { method: 'GET', path: '/api/transfer-targets', access: 'staff', response: TransferTargetsSchema },

  queueDashboard: { method: 'GET', path: '/api/supervisor/queues', access: 'staff', response: QueueDashboardSchema },
  agentStatuses: { method: 'GET', path: '/api/supervisor/agents', access: 'staff', response: AgentStatusListSchema },
  openConversations: { method: 'GET', path: '/api/supervisor/conversations', access: 'staff', query: OpenConversationsQuerySchema, response: ConversationPageSchema },
  auditTrail: { method: 'GET', path: '/api/conversations/:id/audit', access: 'staff', response: AuditTrailSchema },
  reassign: { method: 'POST', path: '/api/conversations/:id/reassign', access: 'staff', body: TransferRequestSchema, response: TransferResponseSchema },

  adminQueues: { method: 'GET', path: '/api/admin/queues', access: 'staff', response: AdminQueueListSchema },
  createQueue: { method: 'POST', path: '/api/admin/queues', access: 'staff', body: SaveQueueRequestSchema, response: AdminQueueResponseSchema },
  updateQueue: { method: 'PUT', path: '/api/admin/queues/:id', access: 'staff', body: SaveQueueRequestSchema, response: AdminQueueResponseSchema },
  adminUsers: { method: 'GET', path: '/api/admin/users', access: 'staff', response: AdminUserListSchema },
  createUser: { method: 'POST', path: '/api/admin/users', access: 'staff', body: CreateUserRequestSchema, response: AdminUserResponseSchema },
  updateUser: { method: 'PUT', path: '/api/admin/users/:id', access: 'staff', body: UpdateUserRequestSchema, response: AdminUserResponseSchema },
  resetPassword: { method: 'POST', path: '/api/admin/users/:id/password', access: 'staff', body: ResetPasswordRequestSchema, response: AdminUserResponseSchema },
  adminAudit: { method: 'GET', path: '/api/admin/audit', access: 'staff', response: AdminAuditListSchema },
  webchatIdentity: { method: 'GET', path: '/api/admin/webchat-identity', access: 'staff', response: WebchatIdentityStatusResponseSchema },
  generateWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/secret', access: 'staff', response: WebchatIdentitySecretResponseSchema },
  revealWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/reveal', access: 'staff', response: WebchatIdentitySecretResponseSchema },

  ...webchatApi,

  settings: { method: 'GET', path: '/api/settings', access: 'staff', response: SettingsResponseSchema },
  updateSettings: { method: 'PUT', path: '/api/settings', access: 'staff', body: UpdateSettingsRequestSchema, response: SettingsResponseSchema },
  routingSettings: { method: 'GET', path: '/api/settings/routing', access: 'staff', response: RoutingSettingsResponseSchema },
  attachmentPolicy: { method: 'GET', path: '/api/attachments/policy', access: 'staff', response: AttachmentPolicyResponseSchema },
  uploadAttachment: { method: 'POST', path: '/api/conversations/:id/attachments', access: 'staff', bodyFormat: 'multipart', response: UploadAttachmentResponseSchema },
  downloadAttachment: { method: 'GET', path: '/api/attachments/:id', access: 'staff', query: AttachmentDownloadQuerySchema, response: FileBytesSchema, responseFormat: 'binary' },
} as const satisfies Record<string, RouteDef>;

export type Api = typeof api;
export type RouteName = keyof Api;
