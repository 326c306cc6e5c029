import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { viewConversation } from './access';
import { appendNote, notesOf } from './data';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { requireStaff } from './sessions';
import { publish, scopeOf } from './event-log';

export const noteHandlers = {
  // Whoever may view a conversation may read and add its notes, in any state (wrap-up notes come
  // after the end); customers never reach these routes.
  notes: route('notes', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    // Newest first. Insertion order breaks ties: mock times have only milliseconds.
    return { notes: structuredClone(notesOf(record.id)).reverse() };
  }),

  createNote: route('createNote', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    const existing = notesOf(record.id).find((n) => n.clientNoteId === ctx.body.clientNoteId);
    if (existing) {
      if (existing.authorId !== user.id) {
        throw new MockApiError(409, 'duplicate_client_id', 'This note id was already used by someone else.');
      }
      return { note: structuredClone(existing), created: false };
    }
    const note = appendNote(record.id, {
      clientNoteId: ctx.body.clientNoteId,
      authorId: user.id,
      authorName: user.displayName,
      text: ctx.body.text,
    });
    publish(scopeOf(record), { type: 'note.created', note });
    ctx.setStatus(201);
    return { note, created: true };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
