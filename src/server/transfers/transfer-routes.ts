import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { viewConversation } from '../conversations/conversation-service';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { transfer } from './transfer-service';
import { listQueues } from '../queues/queue-store';
import type { RoutingService } from '../routing/routing-service';
import { listLoggedInAgents, listTransfers } from './transfer-store';

export function registerTransferRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  defineRoute(app, api.transfer, async ({ principal: { user }, params, body }) => {
    const result = await transfer(db, user, params.id, body);
    // To an offering queue: offered to one of its agents at once. Either way the sender has a
    // free place again, which may let a waiting conversation be offered to them.
    if (body.target.kind === 'queue') await routing.routeNow(result.conversation.id);
    routing.poke();
    return result;
  });

  // Whoever may view the conversation may read its transfers, notes included (staff only).
  defineRoute(app, api.transfers, async ({ principal: { user }, params }) => {
    const conversation = await viewConversation(db, user, params.id);
    return { transfers: await listTransfers(db, conversation.id) };
  });

  defineRoute(app, api.transferTargets, async ({ principal: { user } }) => {
    return { queues: await listQueues(db), agents: await listLoggedInAgents(db, user.id) };
  });
}
