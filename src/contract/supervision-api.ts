import { ConversationPageSchema } from './conversations';
import { RatingStatsQuerySchema, RatingStatsSchema } from './customer-chat';
import type { RouteDef } from './route-def';
import { AgentStatusListSchema, OpenConversationsQuerySchema, QueueDashboardSchema } from './supervision';
import { WrapUpCountsQuerySchema, WrapUpCountsSchema } from './wrap-up';

/**
 * The supervisor page's routes: apart from `api` (api.ts) so that the first loads that import
 * api.ts (/login, the agent's panel) do not carry their schemas. all-routes.ts joins them.
 */
export const supervisionApi = {
  queueDashboard: { method: 'GET', path: '/api/supervisor/queues', access: 'staff', response: QueueDashboardSchema },
  agentStatuses: { method: 'GET', path: '/api/supervisor/agents', access: 'staff', response: AgentStatusListSchema },
  openConversations: { method: 'GET', path: '/api/supervisor/conversations', access: 'staff', query: OpenConversationsQuerySchema, response: ConversationPageSchema },
  ratingStats: { method: 'GET', path: '/api/supervisor/ratings', access: 'staff', query: RatingStatsQuerySchema, response: RatingStatsSchema },
  wrapUpCounts: { method: 'GET', path: '/api/supervisor/wrap-up', access: 'staff', query: WrapUpCountsQuerySchema, response: WrapUpCountsSchema },
} as const satisfies Record<string, RouteDef>;
