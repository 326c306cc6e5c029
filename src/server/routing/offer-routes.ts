import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { acceptOffer, rejectOffer } from './offers';
import type { RoutingService } from './routing-service';

export function registerOfferRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  /** An offer found expired before the sweeper ended it: have it passed on now rather than at the next sweep. */
  const passOnExpired = (err: unknown): never => {
    if (err instanceof ApiError && err.code === 'offer_expired') routing.poke();
    throw err;
  };

  defineRoute(app, api.accept, async ({ principal: { user }, params }) => {
    return { conversation: await acceptOffer(db, user, params.id).catch(passOnExpired) };
  });

  defineRoute(app, api.reject, async ({ principal: { user }, params }) => {
    return { conversation: await rejectOffer(db, user, params.id).catch(passOnExpired) };
  });
}
