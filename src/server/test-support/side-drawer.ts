import { randomUUID } from 'node:crypto';
import type { ConversationEvent, RealtimeFrame } from '../../contract/events';
import { MessagePageSchema, type Message } from '../../contract/messages';
import { CreateNoteResponseSchema, type Note } from '../../contract/notes';
import type { FrameMatch } from './realtime-client';
import type { QueueName, Staff, TestServer } from './test-server';

/** Helpers for the side drawer's notes and customer history tests. */

/** Posts a note; the raw answer, for tests that check refusals. */
export function postNote(server: TestServer, auth: Staff | string, conversationId: string, text: string, clientNoteId: string = randomUUID()) {
  return server.post(`/api/conversations/${conversationId}/notes`, auth, { clientNoteId, text });
}

/** Posts a note that must be created. */
export async function addNote(server: TestServer, staff: Staff, conversationId: string, text: string): Promise<Note> {
  return (await postNote(server, staff, conversationId, text)).expect(201, CreateNoteResponseSchema).note;
}

/**
 * The conversation a staff event is about. Unlike `eventConversationId` it knows note events,
 * so it is safe on a socket that may have received one.
 */
export function conversationOf(event: ConversationEvent): string {
  switch (event.type) {
    case 'message.created':
      return event.message.conversationId;
    case 'note.created':
      return event.note.conversationId;
    case 'message.delivery':
    case 'conversation.rated':
      return event.conversationId;
    default:
      return event.conversation.id;
  }
}

/** Matches a staff event frame of `type` about `conversationId`. */
export function staffEventAbout(type: ConversationEvent['type'], conversationId: string): FrameMatch {
  return (f) => f.kind === 'event' && f.event.type === type && conversationOf(f.event) === conversationId;
}

export const isNoteFrame = (f: RealtimeFrame) => f.kind === 'event' && f.event.type === 'note.created';

/** Inserts an earlier conversation of a customer at an exact arrival time (microseconds allowed). */
export async function insertConversation(
  server: TestServer,
  p: { customerId: string; queue: QueueName; arrivedAt: string; agentId?: string | null; id?: string },
): Promise<string> {
  const [row] = await server.db.query<{ id: string }>(
    `INSERT INTO conversations (id, customer_id, queue_id, source, destination, state, agent_id, arrived_at, picked_at, ended_at, ended_by)
     SELECT $1, cu.id, q.id, coalesce(cu.email, 'unknown'), q.address, 'ended', $4::uuid, $5::timestamptz,
       CASE WHEN $4::uuid IS NULL THEN NULL ELSE $5::timestamptz + interval '1 minute' END,
       $5::timestamptz + interval '10 minutes', 'agent'
     FROM customers cu, queues q WHERE cu.id = $2 AND q.id = $3
     RETURNING id`,
    [p.id ?? randomUUID(), p.customerId, server.queueIds[p.queue], p.agentId ?? null, p.arrivedAt],
  );
  if (!row) throw new Error(`No customer ${p.customerId}`);
  return row.id;
}

/** The newest message of a conversation's thread (system lines included, unlike a row's preview). */
export async function lastThreadMessage(server: TestServer, staff: Staff, conversationId: string): Promise<Message | undefined> {
  return (await server.get(`/api/conversations/${conversationId}/messages`, staff)).expect(200, MessagePageSchema).messages.at(-1);
}
