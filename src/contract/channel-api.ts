import { ChannelConfigListSchema, ChannelConfigResponseSchema, CreateChannelRequestSchema, RetryMessageResponseSchema, UpdateChannelRequestSchema } from './channels';
import { ChannelParamsSchema, MessageParamsSchema } from './path-params';
import type { RouteDef } from './route-def';

/**
 * The messaging channels' routes (Admin → Channels, and Retry of a message the channel did not
 * take): apart from `api` (api.ts) so that the agent's first load, which imports api.ts, does not
 * carry their schemas; Admin → Channels and the chat pane load after it. all-routes.ts joins them.
 */
export const channelApi = {
  retryMessage: { method: 'POST', path: '/api/conversations/:id/messages/:messageId/retry', access: 'staff', params: MessageParamsSchema, response: RetryMessageResponseSchema },
  adminChannels: { method: 'GET', path: '/api/admin/channels', access: 'staff', response: ChannelConfigListSchema },
  createChannel: { method: 'POST', path: '/api/admin/channels', access: 'staff', body: CreateChannelRequestSchema, response: ChannelConfigResponseSchema },
  updateChannel: { method: 'PUT', path: '/api/admin/channels/:id', access: 'staff', params: ChannelParamsSchema, body: UpdateChannelRequestSchema, response: ChannelConfigResponseSchema },
} as const satisfies Record<string, RouteDef>;
