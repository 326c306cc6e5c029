import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { User } from '../contract/auth';
import type { TransferTarget } from '../contract/transfers';
import { UUID_PATTERN as UUID } from '../domain/ids';
import { binary, byName, requireAgent, systemMessage, viewConversation } from './access';
import { type ConversationRecord, appendMessage, appendNote, mockData, toConversation, toTransfer, transfersOf } from './data';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { offerConversation } from './routing';
import { isLoggedIn, requireStaff } from './sessions';
import { publish, scopeOf } from './event-log';

/** Transfers, as src/server/transfers; the hand-over is shared with supervisors' reassigning. */

export const invalidTarget = (field: 'queueId' | 'agentId', message: string, fieldMessage = message) =>
  new MockApiError(400, 'invalid_request', message, { fields: { [`target.${field}`]: fieldMessage } });

/** The queue a transfer or reassignment names (ids in any case, as PostgreSQL compares uuids). */
export function targetQueue(queueId: string) {
  const found = UUID.test(queueId) ? mockData.queues.find((q) => q.id.toLowerCase() === queueId.toLowerCase()) : undefined;
  if (!found) throw invalidTarget('queueId', 'This queue does not exist. Choose another one.', 'Unknown queue');
  return found;
}

/** The agent a transfer or reassignment names: an existing user with the agent role. */
export function targetAgent(agentId: string): User {
  const agent = UUID.test(agentId) ? mockData.users.find((u) => u.id.toLowerCase() === agentId.toLowerCase()) : undefined;
  if (!agent) throw invalidTarget('agentId', 'This agent does not exist. Choose another one.', 'Unknown agent');
  if (agent.role !== 'agent') throw invalidTarget('agentId', `${agent.displayName} is not an agent. Choose an agent.`);
  return agent;
}

function transfer(user: User, id: string, body: { target: TransferTarget; note?: string }) {
  requireAgent(user);
  const record = viewConversation(user, id);
  // The holder first, with the same answers as ending; then the target.
  if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (record.state !== 'picked' || record.agentId !== user.id) {
    const holder = record.state === 'picked' ? toConversation(record).agent : null;
    if (holder) throw new MockApiError(409, 'not_holder', `${holder.displayName} holds this conversation.`, { holder });
    throw new MockApiError(409, 'not_holder', 'Pick this conversation before transferring it.');
  }
  const { target } = body;
  let queue = mockData.queues.find((q) => q.id === record.queueId)!;
  let agent: User | null = null;
  if (target.kind === 'queue') {
    queue = targetQueue(target.queueId);
  } else {
    if (target.agentId.toLowerCase() === user.id.toLowerCase()) {
      throw invalidTarget('agentId', 'You cannot transfer a conversation to yourself. Choose another agent.');
    }
    agent = targetAgent(target.agentId);
    if (!isLoggedIn(agent.id)) throw invalidTarget('agentId', `${agent.displayName} is not logged in. Choose an agent who is.`);
  }
  return handOver(record, user, queue, agent, body.note);
}

/**
 * The hand-over of a transfer or a reassignment (src/server/transfers/transfer-service.ts
 * handOver): it waits again where it was sent, in a new offer round, the customer is told where
 * they go, the note becomes an internal note, and an offering queue offers it at once.
 */
export function handOver(record: ConversationRecord, user: User, queue: (typeof mockData.queues)[number], agent: User | null, rawNote?: string) {
  const note = rawNote?.trim() || null;
  const holderId = record.state === 'picked' ? record.agentId : null;
  const moved = {
    id: crypto.randomUUID(),
    conversationId: record.id,
    fromAgentId: user.id,
    fromQueueId: record.queueId,
    toQueueId: agent ? null : queue.id,
    toAgentId: agent?.id ?? null,
    note,
    at: new Date().toISOString(),
  };
  mockData.transfers.push(moved);
  Object.assign(record, {
    state: 'queued',
    agentId: null,
    pickedAt: null,
    reservedForId: agent?.id ?? null,
    queueId: queue.id,
    destination: queue.address,
    offeredToId: null,
    offerExpiresAt: null,
    // A new offer round: agents who declined it before may be offered it again.
    offerRound: record.offerRound + 1,
    returnedAt: null,
  });
  const message = appendMessage(
    record.id,
    systemMessage(agent ? 'You are being transferred to another agent.' : `You are being transferred to the ${queue.name} team.`),
  );
  const internalNote = note ? appendNote(record.id, { clientNoteId: crypto.randomUUID(), authorId: user.id, authorName: user.displayName, text: note }) : null;
  const result = { conversation: toConversation(record), transfer: toTransfer(moved) };
  // As the server's hand-over: the agent it leaves hears of it even outside the queue.
  const scope = scopeOf(record, holderId ?? user.id);
  publish(scope, { type: 'message.created', message });
  if (internalNote) publish(scope, { type: 'note.created', note: internalNote });
  publish(scope, { type: 'conversation.transferred', ...result, previousHolderId: holderId });
  // To an offering queue: offered to one of its agents at once (the answer is the transfer itself).
  if (!agent) offerConversation(record, mockData.settings.routing);
  return result;
}

export const transferHandlers = {
  transfer: route('transfer', (ctx) => transfer(requireStaff(ctx).user, ctx.params.id, ctx.body)),

  // Whoever may view the conversation may read its transfers.
  transfers: route('transfers', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    return { transfers: transfersOf(record.id).map(toTransfer) };
  }),

  transferTargets: route('transferTargets', (ctx) => {
    const { user } = requireStaff(ctx);
    const agents = mockData.users
      .filter((u) => u.role === 'agent' && u.id !== user.id && isLoggedIn(u.id))
      .map((u) => ({ id: u.id, displayName: u.displayName, queueIds: [...u.queueIds] }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || binary(a.id, b.id));
    return { queues: structuredClone(mockData.queues).sort(byName), agents };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
