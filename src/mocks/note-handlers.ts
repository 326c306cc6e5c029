import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { User } from '../contract/auth';
import type { PersonRef } from '../contract/conversations';
import { canView as mayView } from '../domain/conversation-rules';
import { viewConversation } from './access';
import { isDisabled } from './admin-records';
import { appendNote, mockData, notesOf, toConversation, type ConversationRecord } from './data';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { requireStaff } from './sessions';
import { publish, publishUser, scopeOf } from './event-log';

/** As the server's mentions.ts: every other active staff member, by name. */
const colleaguesOf = (writer: User) =>
  mockData.users.filter((u) => u.id !== writer.id && !isDisabled(u.id)).sort((a, b) => a.displayName.localeCompare(b.displayName));

/** The mentioned users, or 422 naming the first who may not see the conversation (the writer is dropped). */
function checkMentions(writer: User, record: ConversationRecord, ids: readonly string[]): PersonRef[] {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => id !== writer.id);
  return wanted.map((id) => {
    const user = colleaguesOf(writer).find((u) => u.id === id);
    if (!user) throw new MockApiError(422, 'mention_not_allowed', 'A mentioned person is not an active staff member.');
    if (!mayView(user, record)) {
      throw new MockApiError(422, 'mention_not_allowed', `${user.displayName} cannot see this conversation, so they cannot be mentioned in its notes.`);
    }
    return { id: user.id, displayName: user.displayName };
  });
}

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
    const mentions = checkMentions(user, record, ctx.body.mentionedUserIds ?? []);
    const note = appendNote(record.id, {
      mentions,
      clientNoteId: ctx.body.clientNoteId,
      authorId: user.id,
      authorName: user.displayName,
      text: ctx.body.text,
    });
    publish(scopeOf(record), { type: 'note.created', note });
    const customerName = toConversation(record).customer.name;
    for (const m of mentions) publishUser(m.id, { type: 'note.mentioned', note, customerName });
    ctx.setStatus(201);
    return { note, created: true };
  }),

  mentionCandidates: route('mentionCandidates', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    return { candidates: colleaguesOf(user).map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, mayView: mayView(u, record) })) };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
