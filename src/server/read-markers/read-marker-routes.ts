import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import type { User } from '../../contract/auth';
import type { Conversation } from '../../contract/conversations';
import type { ReadState } from '../../contract/read-markers';
import { viewConversation } from '../conversations/conversation-service';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { markRead, unreadTotals } from './read-marker-store';

/** Read markers are each user's own: reading moves nobody else's marker, supervisors' included. */
export function registerReadMarkerRoutes(
  app: FastifyInstance,
  db: Database,
  opts: {
    /** A user's marker now stands at `read` (messaging channels tell the customer their message was read). */
    onRead?: (user: User, conversation: Conversation, read: ReadState) => void;
  } = {},
) {
  defineRoute(app, api.unread, async ({ principal: { user } }) => {
    return unreadTotals(db, user.id);
  });

  defineRoute(app, api.markRead, async ({ principal: { user }, params, body }) => {
    const conversation = await viewConversation(db, user, params.id);
    const read = await markRead(db, user.id, conversation.id, body.seq);
    opts.onRead?.(user, conversation, read);
    return { read };
  });
}
