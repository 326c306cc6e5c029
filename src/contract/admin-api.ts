import { AdminAuditListSchema, AdminQueueListSchema, AdminQueueResponseSchema, AdminUserListSchema, AdminUserResponseSchema, CreateUserRequestSchema, ResetPasswordRequestSchema, SaveQueueRequestSchema, UpdateUserRequestSchema, WebchatIdentitySecretResponseSchema, WebchatIdentityStatusResponseSchema } from './admin';
import { QueueParamsSchema, UserParamsSchema, WrapUpCodeParamsSchema } from './path-params';
import type { RouteDef } from './route-def';
import { AdminWrapUpSchema, CreateWrapUpCodeRequestSchema, SetWrapUpRequiredRequestSchema, UpdateWrapUpCodeRequestSchema, WrapUpCodeResponseSchema } from './wrap-up';

/**
 * The admin pages' routes (queues, users, audit, end reasons, web-chat identity): apart from `api`
 * (api.ts) so that the first loads that import api.ts (/login, the agent's panel) do not carry their
 * schemas; the admin pages load after them. all-routes.ts joins them.
 */
export const adminApi = {
  adminQueues: { method: 'GET', path: '/api/admin/queues', access: 'staff', response: AdminQueueListSchema },
  createQueue: { method: 'POST', path: '/api/admin/queues', access: 'staff', body: SaveQueueRequestSchema, response: AdminQueueResponseSchema },
  updateQueue: { method: 'PUT', path: '/api/admin/queues/:id', access: 'staff', params: QueueParamsSchema, body: SaveQueueRequestSchema, response: AdminQueueResponseSchema },
  adminUsers: { method: 'GET', path: '/api/admin/users', access: 'staff', response: AdminUserListSchema },
  createUser: { method: 'POST', path: '/api/admin/users', access: 'staff', body: CreateUserRequestSchema, response: AdminUserResponseSchema },
  updateUser: { method: 'PUT', path: '/api/admin/users/:id', access: 'staff', params: UserParamsSchema, body: UpdateUserRequestSchema, response: AdminUserResponseSchema },
  resetPassword: { method: 'POST', path: '/api/admin/users/:id/password', access: 'staff', params: UserParamsSchema, body: ResetPasswordRequestSchema, response: AdminUserResponseSchema },
  adminAudit: { method: 'GET', path: '/api/admin/audit', access: 'staff', response: AdminAuditListSchema },
  adminWrapUp: { method: 'GET', path: '/api/admin/wrap-up', access: 'staff', response: AdminWrapUpSchema },
  createWrapUpCode: { method: 'POST', path: '/api/admin/wrap-up/codes', access: 'staff', body: CreateWrapUpCodeRequestSchema, response: WrapUpCodeResponseSchema },
  updateWrapUpCode: { method: 'PUT', path: '/api/admin/wrap-up/codes/:id', access: 'staff', params: WrapUpCodeParamsSchema, body: UpdateWrapUpCodeRequestSchema, response: WrapUpCodeResponseSchema },
  setWrapUpRequired: { method: 'PUT', path: '/api/admin/wrap-up/queues/:id', access: 'staff', params: QueueParamsSchema, body: SetWrapUpRequiredRequestSchema, response: AdminWrapUpSchema },
  webchatIdentity: { method: 'GET', path: '/api/admin/webchat-identity', access: 'staff', response: WebchatIdentityStatusResponseSchema },
  generateWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/secret', access: 'staff', response: WebchatIdentitySecretResponseSchema },
  revealWebchatSecret: { method: 'POST', path: '/api/admin/webchat-identity/reveal', access: 'staff', response: WebchatIdentitySecretResponseSchema },
} as const satisfies Record<string, RouteDef>;
