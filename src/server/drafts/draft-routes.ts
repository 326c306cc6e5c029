import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { api } from '../../contract/api';
import { viewConversation } from '../conversations/conversation-service';
import type { Draft } from '../../contract/drafts';
import type { Database, Sql } from '../db/database';
import { appendUserEvent } from '../realtime/event-log';
import { typed } from '../db/kysely';
import { defineRoute } from '../http/define-route';

const noDraft: Draft = { text: '', updatedAt: null };

/** Drafts belong to their author alone; anyone else, even on the same conversation, has their own. */
export function registerDraftRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.draft, async ({ principal: { user }, params }) => {
    const conversation = await viewConversation(db, user, params.id);
    const row = await typed(db)
      .selectFrom('drafts')
      .select(['text', 'updated_at'])
      .where('user_id', '=', user.id)
      .where('conversation_id', '=', conversation.id)
      .executeTakeFirst();
    return { draft: row ? { text: row.text, updatedAt: new Date(row.updated_at).toISOString() } : noDraft };
  });

  defineRoute(app, api.saveDraft, async ({ principal: { user }, params, body }) => {
    const conversation = await viewConversation(db, user, params.id);
    // My other devices show the draft as it is now: the change and its event commit together.
    return db.transaction(async (tx) => {
      const draft = await storeDraft(tx, user.id, conversation.id, body.text);
      await appendUserEvent(tx, user.id, { type: 'draft.saved', conversationId: conversation.id, draft });
      return { draft };
    });
  });
}

async function storeDraft(tx: Sql, userId: string, conversationId: string, text: string): Promise<Draft> {
  if (text === '') {
    await typed(tx).deleteFrom('drafts').where('user_id', '=', userId).where('conversation_id', '=', conversationId).execute();
    return noDraft;
  }
  const row = await typed(tx)
    .insertInto('drafts')
    .values({ user_id: userId, conversation_id: conversationId, text })
    .onConflict((oc) => oc.columns(['user_id', 'conversation_id']).doUpdateSet({ text: (eb) => eb.ref('excluded.text'), updated_at: sql`now()` }))
    .returning('updated_at')
    .executeTakeFirstOrThrow();
  return { text, updatedAt: new Date(row.updated_at).toISOString() };
}
