import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { choosePresence } from '../routing/offers';
import type { RoutingService } from '../routing/routing-service';
import { getMyPresence } from './presence-store';

export function registerPresenceRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  defineRoute(app, api.presence, async ({ principal: { user } }) => {
    return getMyPresence(db, user.id);
  });

  // `offline` is not in the body's schema: the server sets it when every connection is gone.
  defineRoute(app, api.setPresence, async ({ principal: { user }, body }) => {
    await choosePresence(db, user, body.state);
    // Becoming available may let a waiting conversation be offered.
    routing.poke();
    return getMyPresence(db, user.id);
  });
}
