import type { FastifyInstance } from 'fastify';
import { customerChatApi } from '../../contract/customer-chat-api';
import { supervisionApi } from '../../contract/supervision-api';
import { mayEnter } from '../../contract/auth';
import { viewConversation } from '../conversations/conversation-service';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { ratingStats } from '../supervision/rating-stats';
import { ratingOf } from './chat-ending';

/** The staff's side of the satisfaction survey: a conversation's rating, the supervisors' figures. */
export function registerRatingRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, customerChatApi.conversationRating, async ({ principal, params }) => {
    await viewConversation(db, principal.user, params.id);
    return { rating: await ratingOf(db, params.id) };
  });

  defineRoute(app, supervisionApi.ratingStats, async ({ principal, query }) => {
    if (!mayEnter(principal.user.role, 'supervision')) throw new ApiError(403, 'forbidden', 'Only supervisors and admins can do this.');
    return ratingStats(db, new Date(query.today));
  });
}
