import { z } from 'zod';
import type { channelApi } from './channel-api';
import type { searchApi } from './search-api';
import type { RouteDef } from './route-def';
import type { webchatApi } from './webchat-api';
import type { promptApi } from './prompt-api';
import type { adminApi } from './admin-api';
import type { supervisionApi } from './supervision-api';
import type { customerChatApi } from './customer-chat-api';
import { AttachmentDownloadQuerySchema, AttachmentPolicyResponseSchema, FileBytesSchema, UploadAttachmentResponseSchema } from './attachments';
import { LoginRequestSchema, LoginResponseSchema, MeResponseSchema, SetupRequestSchema, SetupStatusSchema } from './auth';
import { ConversationListQuerySchema, ConversationPageSchema, ConversationResponseSchema } from './conversations';
import { CustomerHistoryPageSchema, CustomerHistoryQuerySchema, HandledPageSchema, HandledQuerySchema } from './history';
import { MessagePageQuerySchema, MessagePageSchema, SendMessageRequestSchema, SendMessageResponseSchema } from './messages';
import { CannedResponseListSchema, CannedResponseResponseSchema, CannedUseResponseSchema, CopyCannedAttachmentRequestSchema, CreateCannedResponseRequestSchema, UpdateCannedResponseRequestSchema } from './canned-responses';
import { DeviceListSchema, DeviceResponseSchema, RegisterDeviceRequestSchema } from './devices';
import { DraftResponseSchema, SaveDraftRequestSchema } from './drafts';
import { EndConversationRequestSchema, WrapUpOptionsSchema } from './wrap-up';
import { CreateNoteRequestSchema, CreateNoteResponseSchema, MentionCandidateListSchema, NoteListSchema } from './notes';
import { PreferencesResponseSchema, UpdatePreferencesRequestSchema } from './preferences';
import { MyPresenceResponseSchema, SetPresenceRequestSchema } from './presence';
import { CannedResponseParamsSchema, ConversationParamsSchema, DeviceParamsSchema, FileParamsSchema, QueueParamsSchema, SessionParamsSchema } from './path-params';
import { DeviceSessionListSchema, SessionResponseSchema } from './sessions';
import { QueueListSchema } from './queues';
import { AuditTrailSchema } from './supervision';
import { MarkReadRequestSchema, MarkReadResponseSchema, UnreadTotalsSchema } from './read-markers';
import { RoutingSettingsResponseSchema, SettingsResponseSchema, UpdateSettingsRequestSchema } from './settings';
import { TransferListSchema, TransferRequestSchema, TransferResponseSchema, TransferTargetsSchema } from './transfers';

export { buildPath, REALTIME_PATH, type HttpMethod, type RouteAccess, type RouteDef } from './route-def';

export const HealthSchema = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
export const ReadySchema = z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) });
export const OkSchema = z.object({ ok: z.literal(true) });

/**
 * The HTTP routes of the API that the staff panel's first load may call. The server registers
 * these, the client calls them, the mocks mirror them; the messaging channels' routes are in
 * channel-api.ts, and all-routes.ts joins the two for the server's checks, the OpenAPI document
 * and the mocks. Their one-line descriptions for the OpenAPI document are in api-summaries.ts, so
 * browsers do not download them with every page.
 */
export const api = {
  health: { method: 'GET', path: '/api/health', access: 'public', response: HealthSchema },
  ready: { method: 'GET', path: '/api/ready', access: 'public', response: ReadySchema },

  setupStatus: { method: 'GET', path: '/api/setup', access: 'public', response: SetupStatusSchema },
  setup: { method: 'POST', path: '/api/setup', access: 'public', body: SetupRequestSchema, response: LoginResponseSchema },

  login: { method: 'POST', path: '/api/auth/login', access: 'public', body: LoginRequestSchema, response: LoginResponseSchema },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'staff', response: OkSchema },
  me: { method: 'GET', path: '/api/auth/me', access: 'staff', response: MeResponseSchema },
  refreshSession: { method: 'POST', path: '/api/auth/refresh', access: 'staff', response: SessionResponseSchema },
  logoutEverywhere: { method: 'POST', path: '/api/auth/logout-everywhere', access: 'staff', response: OkSchema },
  sessions: { method: 'GET', path: '/api/sessions', access: 'staff', response: DeviceSessionListSchema },
  endSession: { method: 'DELETE', path: '/api/sessions/:id', access: 'staff', params: SessionParamsSchema, response: OkSchema },

  presence: { method: 'GET', path: '/api/presence', access: 'staff', response: MyPresenceResponseSchema },
  setPresence: { method: 'PUT', path: '/api/presence', access: 'staff', body: SetPresenceRequestSchema, response: MyPresenceResponseSchema },
  preferences: { method: 'GET', path: '/api/preferences', access: 'staff', response: PreferencesResponseSchema },
  updatePreferences: { method: 'PUT', path: '/api/preferences', access: 'staff', body: UpdatePreferencesRequestSchema, response: PreferencesResponseSchema },
  devices: { method: 'GET', path: '/api/devices', access: 'staff', response: DeviceListSchema },
  registerDevice: { method: 'POST', path: '/api/devices', access: 'staff', body: RegisterDeviceRequestSchema, response: DeviceResponseSchema },
  removeDevice: { method: 'DELETE', path: '/api/devices/:id', access: 'staff', params: DeviceParamsSchema, response: OkSchema },

  queues: { method: 'GET', path: '/api/queues', access: 'staff', response: QueueListSchema },
  wrapUpOptions: { method: 'GET', path: '/api/queues/:id/wrap-up', access: 'staff', params: QueueParamsSchema, response: WrapUpOptionsSchema },

  conversations: { method: 'GET', path: '/api/conversations', access: 'staff', query: ConversationListQuerySchema, response: ConversationPageSchema },
  conversation: { method: 'GET', path: '/api/conversations/:id', access: 'staff', params: ConversationParamsSchema, response: ConversationResponseSchema },
  pick: { method: 'POST', path: '/api/conversations/:id/pick', access: 'staff', params: ConversationParamsSchema, response: ConversationResponseSchema },
  accept: { method: 'POST', path: '/api/conversations/:id/accept', access: 'staff', params: ConversationParamsSchema, response: ConversationResponseSchema },
  reject: { method: 'POST', path: '/api/conversations/:id/reject', access: 'staff', params: ConversationParamsSchema, response: ConversationResponseSchema },
  unread: { method: 'GET', path: '/api/conversations/unread', access: 'staff', response: UnreadTotalsSchema },
  markRead: { method: 'PUT', path: '/api/conversations/:id/read', access: 'staff', params: ConversationParamsSchema, body: MarkReadRequestSchema, response: MarkReadResponseSchema },
  end: { method: 'POST', path: '/api/conversations/:id/end', access: 'staff', params: ConversationParamsSchema, body: EndConversationRequestSchema, response: ConversationResponseSchema },
  messages: { method: 'GET', path: '/api/conversations/:id/messages', access: 'staff', params: ConversationParamsSchema, query: MessagePageQuerySchema, response: MessagePageSchema },
  sendMessage: { method: 'POST', path: '/api/conversations/:id/messages', access: 'staff', params: ConversationParamsSchema, body: SendMessageRequestSchema, response: SendMessageResponseSchema },
  notes: { method: 'GET', path: '/api/conversations/:id/notes', access: 'staff', params: ConversationParamsSchema, response: NoteListSchema },
  createNote: { method: 'POST', path: '/api/conversations/:id/notes', access: 'staff', params: ConversationParamsSchema, body: CreateNoteRequestSchema, response: CreateNoteResponseSchema },
  mentionCandidates: { method: 'GET', path: '/api/conversations/:id/mention-candidates', access: 'staff', params: ConversationParamsSchema, response: MentionCandidateListSchema },
  customerHistory: { method: 'GET', path: '/api/conversations/:id/history', access: 'staff', params: ConversationParamsSchema, query: CustomerHistoryQuerySchema, response: CustomerHistoryPageSchema },
  draft: { method: 'GET', path: '/api/conversations/:id/draft', access: 'staff', params: ConversationParamsSchema, response: DraftResponseSchema },
  saveDraft: { method: 'PUT', path: '/api/conversations/:id/draft', access: 'staff', params: ConversationParamsSchema, body: SaveDraftRequestSchema, response: DraftResponseSchema },
  handledConversations: { method: 'GET', path: '/api/conversations/handled', access: 'staff', query: HandledQuerySchema, response: HandledPageSchema },
  transfer: { method: 'POST', path: '/api/conversations/:id/transfer', access: 'staff', params: ConversationParamsSchema, body: TransferRequestSchema, response: TransferResponseSchema },
  transfers: { method: 'GET', path: '/api/conversations/:id/transfers', access: 'staff', params: ConversationParamsSchema, response: TransferListSchema },
  transferTargets: { method: 'GET', path: '/api/transfer-targets', access: 'staff', response: TransferTargetsSchema },

  auditTrail: { method: 'GET', path: '/api/conversations/:id/audit', access: 'staff', params: ConversationParamsSchema, response: AuditTrailSchema },
  reassign: { method: 'POST', path: '/api/conversations/:id/reassign', access: 'staff', params: ConversationParamsSchema, body: TransferRequestSchema, response: TransferResponseSchema },



  settings: { method: 'GET', path: '/api/settings', access: 'staff', response: SettingsResponseSchema },
  updateSettings: { method: 'PUT', path: '/api/settings', access: 'staff', body: UpdateSettingsRequestSchema, response: SettingsResponseSchema },
  routingSettings: { method: 'GET', path: '/api/settings/routing', access: 'staff', response: RoutingSettingsResponseSchema },
  attachmentPolicy: { method: 'GET', path: '/api/attachments/policy', access: 'staff', response: AttachmentPolicyResponseSchema },
  uploadAttachment: { method: 'POST', path: '/api/conversations/:id/attachments', access: 'staff', params: ConversationParamsSchema, bodyFormat: 'multipart', response: UploadAttachmentResponseSchema },
  cannedResponses: { method: 'GET', path: '/api/canned-responses', access: 'staff', response: CannedResponseListSchema },
  createCannedResponse: { method: 'POST', path: '/api/canned-responses', access: 'staff', body: CreateCannedResponseRequestSchema, response: CannedResponseResponseSchema },
  updateCannedResponse: { method: 'PUT', path: '/api/canned-responses/:id', access: 'staff', params: CannedResponseParamsSchema, body: UpdateCannedResponseRequestSchema, response: CannedResponseResponseSchema },
  deleteCannedResponse: { method: 'DELETE', path: '/api/canned-responses/:id', access: 'staff', params: CannedResponseParamsSchema, response: OkSchema },
  useCannedResponse: { method: 'POST', path: '/api/canned-responses/:id/uses', access: 'staff', params: CannedResponseParamsSchema, response: CannedUseResponseSchema },
  uploadCannedAttachment: { method: 'POST', path: '/api/canned-responses/attachments', access: 'staff', bodyFormat: 'multipart', response: UploadAttachmentResponseSchema },
  copyCannedAttachment: { method: 'POST', path: '/api/conversations/:id/canned-attachments', access: 'staff', params: ConversationParamsSchema, body: CopyCannedAttachmentRequestSchema, response: UploadAttachmentResponseSchema },
  downloadAttachment: { method: 'GET', path: '/api/attachments/:id', access: 'staff', params: FileParamsSchema, query: AttachmentDownloadQuerySchema, response: FileBytesSchema, responseFormat: 'binary' },
} as const satisfies Record<string, RouteDef>;

/** Every route: these and the tables kept apart (a type only: it costs the browser nothing). */
export type Api = typeof api & typeof channelApi & typeof searchApi & typeof promptApi & typeof adminApi & typeof supervisionApi & typeof customerChatApi & typeof webchatApi;
export type RouteName = keyof Api;
