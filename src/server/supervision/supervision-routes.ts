import type { FastifyInstance } from 'fastify';
import { channelCounts } from '../channels/channel-counts';
import { api } from '../../contract/api';
import { supervisionApi } from '../../contract/supervision-api';
import { mayEnter } from '../../contract/auth';
import { CONVERSATION_PAGE_SIZE } from '../../contract/limits';
import type { StaffPrincipal } from '../auth/principal';
import { listPage, openFilter } from '../conversations/conversation-pages';
import { OPEN_ORDER } from '../conversations/list-orders';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { findQueue } from '../queues/queue-store';
import { availabilityFields, queueAvailabilities } from '../queues/queue-availability';
import type { RoutingService } from '../routing/routing-service';
import { auditTrail } from './audit-trail';
import { agentStatuses, databaseNow, queueStats } from './dashboard-store';
import { reassign } from './reassign';

import { UUID_PATTERN as UUID } from '../../domain/ids';

/**
 * What supervisors watch and do: the queues dashboard, the agents view, every open conversation,
 * a conversation's audit trail, and reassigning. Supervisors and admins only (403 for agents).
 */
export function registerSupervisionRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  const supervisor = (principal: StaffPrincipal) => {
    if (!mayEnter(principal.user.role, 'supervision')) throw new ApiError(403, 'forbidden', 'Only supervisors and admins can do this.');
    return principal.user;
  };

  defineRoute(app, supervisionApi.queueDashboard, async ({ principal }) => {
    supervisor(principal);
    const at = await databaseNow(db);
    // Open or closed by the hours, and full: beside the figures (README "Opening hours and queue limits").
    const limits = new Map((await queueAvailabilities(db)).map((q) => [q.id, q]));
    const queues = (await queueStats(db)).map((stats) => {
      const q = limits.get(stats.queue.id);
      return q ? { ...stats, availability: availabilityFields(q), maxWaiting: q.maxWaiting } : stats;
    });
    return { queues, channels: await channelCounts(db), at };
  });

  defineRoute(app, supervisionApi.agentStatuses, async ({ principal }) => {
    supervisor(principal);
    const at = await databaseNow(db);
    return { agents: await agentStatuses(db), at };
  });

  defineRoute(app, supervisionApi.openConversations, async ({ principal, query }) => {
    supervisor(principal);
    const queueId = query.queueId ?? null;
    if (queueId !== null && !(UUID.test(queueId) && (await findQueue(db, queueId)))) {
      throw new ApiError(400, 'invalid_request', 'This queue does not exist.', { fields: { queueId: 'Unknown queue' } });
    }
    return listPage(db, {
      filter: openFilter(queueId),
      order: OPEN_ORDER,
      listing: `open:${queueId ?? 'all'}`,
      cursor: query.cursor,
      limit: query.limit ?? CONVERSATION_PAGE_SIZE,
      readerId: null,
    });
  });

  defineRoute(app, api.auditTrail, async ({ principal, params }) => {
    supervisor(principal);
    return { entries: await auditTrail(db, params.id) };
  });

  defineRoute(app, api.reassign, async ({ principal, params, body }) => {
    const user = supervisor(principal);
    const result = await reassign(db, user, params.id, body);
    // To an offering queue: offered to one of its agents at once. The agent who had it may be
    // free for another conversation now.
    if (body.target.kind === 'queue') await routing.routeNow(result.conversation.id);
    routing.poke();
    return result;
  });
}
