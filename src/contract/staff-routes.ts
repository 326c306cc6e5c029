import type { z } from 'zod';
import type { Api } from './api';
import type { RouteDef } from './route-def';
import type { WebchatRoute } from './webchat-routes';

/** What a browser needs of a route to call it: where it is, who may call it, how its body and answer travel. */
type Address<D extends RouteDef> = Pick<D, Extract<keyof D, 'method' | 'path' | 'access' | 'bodyFormat' | 'responseFormat'>>;

/** Every route but the customers' (webchat-routes.ts): the staff panel's. */
export type StaffRouteName = Exclude<keyof Api, WebchatRoute>;

declare const answer: unique symbol;

/**
 * A route as the staff panel holds it: no schemas, so the panel's first load carries no zod;
 * `answer` exists only for the compiler, typing what the server sends (its schema's output).
 */
export type ClientRoute<T = unknown> = Pick<RouteDef, 'method' | 'path' | 'access' | 'bodyFormat' | 'responseFormat'> & {
  readonly [answer]?: () => T;
};

/** The answer a route's server sends, as its contract schema outputs it. */
export type AnswerOf<R extends ClientRoute> = R extends ClientRoute<infer T> ? T : never;

/*
 * The staff routes without their schemas. `satisfies` ties each entry to the schema'd table
 * (api.ts and the *-api.ts beside it): a missing or extra route, or a method, path, access or
 * format that differs, fails to compile; staff-routes.test.ts compares the two at run time too.
 */
const table = {
  health: { method: 'GET', path: '/api/health', access: 'public' },
  ready: { method: 'GET', path: '/api/ready', access: 'public' },
  setupStatus: { method: 'GET', path: '/api/setup', access: 'public' },
  setup: { method: 'POST', path: '/api/setup', access: 'public' },
  login: { method: 'POST', path: '/api/auth/login', access: 'public' },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'staff' },
  me: { method: 'GET', path: '/api/auth/me', access: 'staff' },
  refreshSession: { method: 'POST', path: '/api/auth/refresh', access: 'staff' },
  logoutEverywhere: { method: 'POST', path: '/api/auth/logout-everywhere', access: 'staff' },
  sessions: { method: 'GET', path: '/api/sessions', access: 'staff' },
  endSession: { method: 'DELETE', path: '/api/sessions/:id', access: 'staff' },
  presence: { method: 'GET', path: '/api/presence', access: 'staff' },
  setPresence: { method: 'PUT', path: '/api/presence', access: 'staff' },
  preferences: { method: 'GET', path: '/api/preferences', access: 'staff' },
  updatePreferences: { method: 'PUT', path: '/api/preferences', access: 'staff' },
  devices: { method: 'GET', path: '/api/devices', access: 'staff' },
  registerDevice: { method: 'POST', path: '/api/devices', access: 'staff' },
  removeDevice: { method: 'DELETE', path: '/api/devices/:id', access: 'staff' },
  queues: { method: 'GET', path: '/api/queues', access: 'staff' },
  wrapUpOptions: { method: 'GET', path: '/api/queues/:id/wrap-up', access: 'staff' },
  conversations: { method: 'GET', path: '/api/conversations', access: 'staff' },
  conversation: { method: 'GET', path: '/api/conversations/:id', access: 'staff' },
  pick: { method: 'POST', path: '/api/conversations/:id/pick', access: 'staff' },
  accept: { method: 'POST', path: '/api/conversations/:id/accept', access: 'staff' },
  reject: { method: 'POST', path: '/api/conversations/:id/reject', access: 'staff' },
  unread: { method: 'GET', path: '/api/conversations/unread', access: 'staff' },
  markRead: { method: 'PUT', path: '/api/conversations/:id/read', access: 'staff' },
  end: { method: 'POST', path: '/api/conversations/:id/end', access: 'staff' },
  messages: { method: 'GET', path: '/api/conversations/:id/messages', access: 'staff' },
  sendMessage: { method: 'POST', path: '/api/conversations/:id/messages', access: 'staff' },
  notes: { method: 'GET', path: '/api/conversations/:id/notes', access: 'staff' },
  createNote: { method: 'POST', path: '/api/conversations/:id/notes', access: 'staff' },
  mentionCandidates: { method: 'GET', path: '/api/conversations/:id/mention-candidates', access: 'staff' },
  customerHistory: { method: 'GET', path: '/api/conversations/:id/history', access: 'staff' },
  draft: { method: 'GET', path: '/api/conversations/:id/draft', access: 'staff' },
  saveDraft: { method: 'PUT', path: '/api/conversations/:id/draft', access: 'staff' },
  handledConversations: { method: 'GET', path: '/api/conversations/handled', access: 'staff' },
  transfer: { method: 'POST', path: '/api/conversations/:id/transfer', access: 'staff' },
  transfers: { method: 'GET', path: '/api/conversations/:id/transfers', access: 'staff' },
  transferTargets: { method: 'GET', path: '/api/transfer-targets', access: 'staff' },
  auditTrail: { method: 'GET', path: '/api/conversations/:id/audit', access: 'staff' },
  reassign: { method: 'POST', path: '/api/conversations/:id/reassign', access: 'staff' },
  settings: { method: 'GET', path: '/api/settings', access: 'staff' },
  updateSettings: { method: 'PUT', path: '/api/settings', access: 'staff' },
  routingSettings: { method: 'GET', path: '/api/settings/routing', access: 'staff' },
  attachmentPolicy: { method: 'GET', path: '/api/attachments/policy', access: 'staff' },
  uploadAttachment: { method: 'POST', path: '/api/conversations/:id/attachments', access: 'staff', bodyFormat: 'multipart' },
  cannedResponses: { method: 'GET', path: '/api/canned-responses', access: 'staff' },
  createCannedResponse: { method: 'POST', path: '/api/canned-responses', access: 'staff' },
  updateCannedResponse: { method: 'PUT', path: '/api/canned-responses/:id', access: 'staff' },
  deleteCannedResponse: { method: 'DELETE', path: '/api/canned-responses/:id', access: 'staff' },
  useCannedResponse: { method: 'POST', path: '/api/canned-responses/:id/uses', access: 'staff' },
  uploadCannedAttachment: { method: 'POST', path: '/api/canned-responses/attachments', access: 'staff', bodyFormat: 'multipart' },
  copyCannedAttachment: { method: 'POST', path: '/api/conversations/:id/canned-attachments', access: 'staff' },
  downloadAttachment: { method: 'GET', path: '/api/attachments/:id', access: 'staff', responseFormat: 'binary' },
  retryMessage: { method: 'POST', path: '/api/conversations/:id/messages/:messageId/retry', access: 'staff' },
  adminChannels: { method: 'GET', path: '/api/admin/channels', access: 'staff' },
  createChannel: { method: 'POST', path: '/api/admin/channels', access: 'staff' },
  updateChannel: { method: 'PUT', path: '/api/admin/channels/:id', access: 'staff' },
  search: { method: 'GET', path: '/api/search', access: 'staff' },
  queuePrompts: { method: 'GET', path: '/api/admin/queues/:id/prompts', access: 'staff' },
  saveQueuePrompts: { method: 'PUT', path: '/api/admin/queues/:id/prompts', access: 'staff' },
  adminQueues: { method: 'GET', path: '/api/admin/queues', access: 'staff' },
  createQueue: { method: 'POST', path: '/api/admin/queues', access: 'staff' },
  updateQueue: { method: 'PUT', path: '/api/admin/queues/:id', access: 'staff' },
  adminUsers: { method: 'GET', path: '/api/admin/users', access: 'staff' },
  createUser: { method: 'POST', path: '/api/admin/users', access: 'staff' },
  updateUser: { method: 'PUT', path: '/api/admin/users/:id', access: 'staff' },
  resetPassword: { method: 'POST', path: '/api/admin/users/:id/password', access: 'staff' },
  adminAudit: { method: 'GET', path: '/api/admin/audit', access: 'staff' },
  adminWrapUp: { method: 'GET', path: '/api/admin/wrap-up', access: 'staff' },
  createWrapUpCode: { method: 'POST', path: '/api/admin/wrap-up/codes', access: 'staff' },
  updateWrapUpCode: { method: 'PUT', path: '/api/admin/wrap-up/codes/:id', access: 'staff' },
  setWrapUpRequired: { method: 'PUT', path: '/api/admin/wrap-up/queues/:id', access: 'staff' },
  webchatIdentity: { method: 'GET', path: '/api/admin/webchat-identity', access: 'staff' },
  generateWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/secret', access: 'staff' },
  revealWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/reveal', access: 'staff' },
  queueDashboard: { method: 'GET', path: '/api/supervisor/queues', access: 'staff' },
  agentStatuses: { method: 'GET', path: '/api/supervisor/agents', access: 'staff' },
  openConversations: { method: 'GET', path: '/api/supervisor/conversations', access: 'staff' },
  ratingStats: { method: 'GET', path: '/api/supervisor/ratings', access: 'staff' },
  wrapUpCounts: { method: 'GET', path: '/api/supervisor/wrap-up', access: 'staff' },
  conversationRating: { method: 'GET', path: '/api/conversations/:id/rating', access: 'staff' },
} as const satisfies { [K in StaffRouteName]: Address<Api[K]> };

export const staffRoutes = table as { readonly [K in StaffRouteName]: (typeof table)[K] & ClientRoute<z.output<Api[K]['response']>> };
