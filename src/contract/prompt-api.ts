import { QueueParamsSchema } from './path-params';
import { QueuePromptsResponseSchema, SaveQueuePromptsRequestSchema } from './prompts';
import type { RouteDef } from './route-def';

/**
 * A queue's chat prompts (Admin → Queues → Prompts): apart from `api` (api.ts), like the channels'
 * routes, so that the first loads that import api.ts do not carry their schemas; the prompts
 * dialog loads on first use. all-routes.ts joins them.
 */
export const promptApi = {
  queuePrompts: { method: 'GET', path: '/api/admin/queues/:id/prompts', access: 'staff', params: QueueParamsSchema, response: QueuePromptsResponseSchema },
  saveQueuePrompts: { method: 'PUT', path: '/api/admin/queues/:id/prompts', access: 'staff', params: QueueParamsSchema, body: SaveQueuePromptsRequestSchema, response: QueuePromptsResponseSchema },
} as const satisfies Record<string, RouteDef>;
