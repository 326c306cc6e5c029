import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { User } from '../contract/auth';
import type { Conversation } from '../contract/conversations';
import { CONVERSATION_PAGE_MAX } from '../contract/limits';
import { listOrder } from '../contract/list-order';
import type { ReadState } from '../contract/read-markers';
import { belongsIn } from '../domain/conversation-rules';
import { byName, requireAgent, systemMessage, viewConversation } from './access';
import { type ConversationRecord, appendMessage, findConversation, findUser, messagesOf, mockData, toConversation } from './data';
import { mockPage } from './list-paging';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { acceptOffer, agentState, rejectOffer } from './routing';
import { requireStaff } from './sessions';
import { publish, publishUser, scopeOf } from './event-log';
import type { EndConversationRequest } from '../contract/wrap-up';
import { checkEndWrapUp, recordEndWrapUp } from './wrap-up-records';
import { isHeld } from './queue-limits';

/** The conversation lists and a conversation's life: pick, offers, end, read markers. */

function pick(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  if (record.state === 'queued' || record.state === 'offered') {
    if (record.reservedForId && record.reservedForId !== user.id) {
      const name = findUser(record.reservedForId)?.displayName ?? 'Unknown agent';
      throw new MockApiError(403, 'forbidden', `This conversation was transferred to ${name}; only they can pick it.`);
    }
    if (!record.reservedForId && !user.queueIds.includes(record.queueId)) {
      throw new MockApiError(403, 'forbidden', 'You do not serve this queue.');
    }
    // Only a queued conversation can be picked: one being offered is that agent's to accept.
    if (record.state === 'offered') {
      if (record.offeredToId === user.id) throw new MockApiError(409, 'not_holder', 'This conversation is offered to you: accept it to take it.');
      const name = findUser(record.offeredToId!)?.displayName ?? 'Unknown agent';
      throw new MockApiError(
        409,
        'not_holder',
        `This conversation is offered to ${name} right now. It comes back to the picklist if they do not accept it.`,
      );
    }
    if (isHeld(record.id)) {
      throw new MockApiError(409, 'not_holder', 'This message was left while the queue was closed: it can be picked when the queue opens.');
    }
  } else {
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
    const holder = record.agentId ? toConversation(record).agent : null;
    if (holder) {
      throw new MockApiError(409, 'already_picked', `${holder.displayName} has already picked this conversation.`, { holder });
    }
    throw new MockApiError(409, 'not_holder', 'You do not hold this conversation. Pick it first.');
  }
  Object.assign(record, { state: 'picked', agentId: user.id, reservedForId: null, pickedAt: new Date().toISOString() });
  // New work: the agent goes to the back of the line for offers.
  agentState(user.id).idleSince = new Date().toISOString();
  const joined = appendMessage(record.id, systemMessage(`${user.displayName} joined the conversation.`));
  const conversation = toConversation(record);
  publish(scopeOf(record), { type: 'conversation.picked', conversation });
  publish(scopeOf(record), { type: 'message.created', message: joined });
  return conversation;
}

export function end(user: User, id: string, wrapUp: EndConversationRequest = {}): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  if (record.state !== 'picked' || record.agentId !== user.id) {
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
    const holder = toConversation(record).agent;
    if (holder && holder.id !== user.id) {
      throw new MockApiError(409, 'not_holder', `${holder.displayName} holds this conversation.`, { holder });
    }
    throw new MockApiError(409, 'not_holder', 'Pick this conversation before ending it.');
  }
  const reason = checkEndWrapUp(record.queueId, wrapUp);
  const endedAt = new Date().toISOString();
  Object.assign(record, { state: 'ended', endedAt, endedBy: 'agent' });
  recordEndWrapUp({ ...reason, conversationId: record.id, agentId: user.id, queueId: record.queueId, at: endedAt });
  const ended = appendMessage(record.id, systemMessage(`${user.displayName} ended the conversation.`));
  const conversation = toConversation(record);
  publish(scopeOf(record), { type: 'message.created', message: ended });
  publish(scopeOf(record), { type: 'conversation.ended', conversation });
  return conversation;
}


// Read markers, as src/server/read-markers.

const markerKey = (userId: string, conversationId: string) => `${userId}:${conversationId}`;

function readState(userId: string, record: ConversationRecord): ReadState {
  const lastReadSeq = mockData.readMarkers.get(markerKey(userId, record.id)) ?? 0;
  const unreadCount = messagesOf(record.id).filter((m) => m.authorKind === 'customer' && m.seq > lastReadSeq).length;
  return { conversationId: record.id, lastReadSeq, unreadCount };
}

/** Forward only, and never past the last message. */
function markRead(userId: string, record: ConversationRecord, seq: number): ReadState {
  const key = markerKey(userId, record.id);
  const target = Math.min(seq, messagesOf(record.id).at(-1)?.seq ?? 0);
  if (target <= (mockData.readMarkers.get(key) ?? -1)) return readState(userId, record);
  mockData.readMarkers.set(key, target);
  // The user's other panels move their marker too.
  const read = readState(userId, record);
  publishUser(userId, { type: 'read.updated', read });
  return read;
}

export const conversationHandlers = {
  queues: route('queues', (ctx) => {
    const { user } = requireStaff(ctx);
    const queues = mockData.queues.filter((q) => user.role !== 'agent' || user.queueIds.includes(q.id));
    return { queues: structuredClone(queues).sort(byName) };
  }),

  conversations: route('conversations', (ctx) => {
    const { user } = requireStaff(ctx);
    const { view, sort, cursor, limit } = ctx.query;
    const readOf = (c: Conversation) => readState(user.id, findConversation(c.id)!);
    if (view === 'picklist') {
      const rows = mockData.conversations.filter((c) => belongsIn('picklist', c, user) && !isHeld(c.id)).map(toConversation);
      return mockPage(rows.sort(listOrder({ view: 'picklist' })), { listing: 'picklist', cursor, limit });
    }
    if (view === 'offers') {
      const offered = mockData.conversations.filter((c) => belongsIn('offers', c, user)).map(toConversation);
      return mockPage(offered.sort(listOrder({ view: 'offers' })), { listing: 'offers', cursor, limit: CONVERSATION_PAGE_MAX, readOf });
    }
    const held = mockData.conversations.filter((c) => belongsIn('mine', c, user)).map(toConversation);
    const unread = Object.fromEntries(held.map((c) => [c.id, readOf(c).unreadCount]));
    return mockPage(held.sort(listOrder({ view: 'mine', sort }, unread)), { listing: `mine:${sort}`, cursor, limit, readOf });
  }),

  conversation: route('conversation', (ctx) => {
    const { user } = requireStaff(ctx);
    return { conversation: toConversation(viewConversation(user, ctx.params.id)) };
  }),

  pick: route('pick', (ctx) => ({ conversation: pick(requireStaff(ctx).user, ctx.params.id) })),

  accept: route('accept', (ctx) => ({ conversation: acceptOffer(requireStaff(ctx).user, ctx.params.id) })),

  reject: route('reject', (ctx) => ({ conversation: rejectOffer(requireStaff(ctx).user, ctx.params.id) })),

  // Totals over what I hold and what I am offered. Markers are each user's own.
  unread: route('unread', (ctx) => {
    const { user } = requireStaff(ctx);
    const total = (records: ConversationRecord[]) => {
      const counts = records.map((c) => readState(user.id, c).unreadCount);
      return { conversations: counts.filter((n) => n > 0).length, messages: counts.reduce((a, b) => a + b, 0) };
    };
    return {
      mine: total(mockData.conversations.filter((c) => belongsIn('mine', c, user))),
      offers: total(mockData.conversations.filter((c) => belongsIn('offers', c, user))),
    };
  }),

  markRead: route('markRead', (ctx) => {
    const { user } = requireStaff(ctx);
    return { read: markRead(user.id, viewConversation(user, ctx.params.id), ctx.body.seq) };
  }),

  end: route('end', (ctx) => ({ conversation: end(requireStaff(ctx).user, ctx.params.id, ctx.body) })),
} satisfies Partial<Record<RouteName, HttpHandler>>;
