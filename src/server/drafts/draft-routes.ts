import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { viewConversation } from '../conversations/conversation-service';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';

const noDraft = { text: '', updatedAt: null };

/** Drafts belong to their author alone; anyone else, even on the same conversation, has their own. */
export function registerDraftRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.draft, async ({ principal: { user }, params }) => {
    const conversation = await viewConversation(db, user, params.id!);
    const [row] = await db.query<{ text: string; updated_at: Date | string }>(
      'SELECT text, updated_at FROM drafts WHERE user_id = $1 AND conversation_id = $2',
      [user.id, conversation.id],
    );
    return { draft: row ? { text: row.text, updatedAt: new Date(row.updated_at).toISOString() } : noDraft };
  });

  defineRoute(app, api.saveDraft, async ({ principal: { user }, params, body }) => {
    const conversation = await viewConversation(db, user, params.id!);
    if (body.text === '') {
      await db.query('DELETE FROM drafts WHERE user_id = $1 AND conversation_id = $2', [user.id, conversation.id]);
      return { draft: noDraft };
    }
    const [row] = await db.query<{ updated_at: Date | string }>(
      `INSERT INTO drafts (user_id, conversation_id, text) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, conversation_id) DO UPDATE SET text = EXCLUDED.text, updated_at = now()
       RETURNING updated_at`,
      [user.id, conversation.id, body.text],
    );
    return { draft: { text: body.text, updatedAt: new Date(row!.updated_at).toISOString() } };
  });
}
