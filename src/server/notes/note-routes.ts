import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { viewConversation } from '../conversations/conversation-service';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { factsOf } from '../../domain/conversation-rules';
import { mentionCandidates } from './mentions';
import { createNote } from './note-service';
import { listNotes } from './note-store';

/** Whoever may view a conversation may read and add its notes; customers never reach these routes. */
export function registerNoteRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.notes, async ({ principal: { user }, params }) => {
    const conversation = await viewConversation(db, user, params.id);
    return { notes: await listNotes(db, conversation.id) };
  });

  defineRoute(app, api.createNote, async ({ principal: { user }, params, body, reply }) => {
    const conversation = await viewConversation(db, user, params.id);
    const result = await createNote(db, user, { conversationId: conversation.id, ...body });
    reply.code(result.created ? 201 : 200);
    return result;
  });

  defineRoute(app, api.mentionCandidates, async ({ principal: { user }, params }) => {
    const conversation = await viewConversation(db, user, params.id);
    return { candidates: await mentionCandidates(db, user, factsOf(conversation)) };
  });
}
