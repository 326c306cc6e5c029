import { ChannelSchema } from '../contract/conversations';
import { limitsOf, queueAvailability } from './queue-limits';
import type { ChannelCount } from '../contract/supervision';
import type { HttpHandler } from 'msw';
import type { User } from '../contract/auth';
import type { ConversationRecord } from './data';
import type { AgentStatus, AuditActor, AuditEntry, QueueStats, WaitingSample } from '../contract/supervision';
import type { TransferTarget } from '../contract/transfers';
import { findConversation, findUser, mockData, toConversation, toTransfer, transfersOf } from './data';
import { binary } from './access';
import { MockApiError, notFound } from './mock-errors';
import { route } from './route';
import { agentState, closeOffer, sweepRouting } from './routing';
import { isLoggedIn, requireStaff } from './sessions';
import { handOver, invalidTarget, targetAgent, targetQueue } from './transfer-handlers';
import { UUID_PATTERN as UUID } from '../domain/ids';
import { isDisabled } from './admin-records';
import { mockPage } from './list-paging';
import { wrapUpAuditEntry } from './wrap-up-records';
import { ratingAuditSummary } from '../domain/rating-text';

/*
 * The supervisors' routes, as src/server/supervision: the queues dashboard, the agents view,
 * every open conversation, a conversation's audit trail, and reassigning. Supervisors and admins
 * only. handlers.ts joins them with the others.
 */

const HOUR_MS = 60 * 60_000;

function requireOverseer(ctx: Parameters<typeof requireStaff>[0]): User {
  const { user } = requireStaff(ctx);
  if (user.role === 'agent') throw new MockApiError(403, 'forbidden', 'Only supervisors and admins can do this.');
  return user;
}

/** Since when a waiting conversation waits: its arrival, or a later transfer or return. */
function waitingSince(c: ConversationRecord): string {
  return [c.arrivedAt, c.returnedAt, transfersOf(c.id).at(-1)?.at].filter((t): t is string => !!t).sort().at(-1)!;
}

/**
 * Waiting counts over the last hour. The mock keeps no samples; it reconstructs them, one a
 * minute, from when each conversation now waiting started to wait.
 */
function waitingHistory(queueId: string, now: number): WaitingSample[] {
  const starts = mockData.conversations.filter((c) => c.queueId === queueId && c.state === 'queued').map((c) => Date.parse(waitingSince(c)));
  const samples: WaitingSample[] = [];
  for (let t = now - HOUR_MS + 60_000; t < now; t += 60_000) {
    samples.push({ at: new Date(t).toISOString(), waiting: starts.filter((s) => s <= t).length });
  }
  return samples;
}

const enabledAgents = () => mockData.users.filter((u) => u.role === 'agent' && !isDisabled(u.id));

/** Open conversations per channel, as the server's channel-counts.ts. */
function channelCounts(): ChannelCount[] {
  const open = mockData.conversations.filter((c) => c.state !== 'ended');
  return ChannelSchema.options
    .map((channel) => {
      const of = open.filter((c) => c.channel === channel);
      const count = (state: string) => of.filter((c) => c.state === state).length;
      return { channel, waiting: count('queued'), offered: count('offered'), inProgress: count('picked'), any: of.length > 0 };
    })
    .filter((c) => c.any)
    .map(({ any: _any, ...c }) => c);
}

function queueStats(now: number): QueueStats[] {
  return [...mockData.queues]
    .sort((a, b) => a.name.localeCompare(b.name) || binary(a.id, b.id))
    .map((queue) => {
      const open = mockData.conversations.filter((c) => c.queueId === queue.id);
      const waiting = open.filter((c) => c.state === 'queued');
      const serving = enabledAgents().filter((u) => u.queueIds.includes(queue.id));
      return {
        queue: structuredClone(queue),
        waiting: waiting.length,
        longestWaitingSince: waiting.map(waitingSince).sort()[0] ?? null,
        offered: open.filter((c) => c.state === 'offered').length,
        inProgress: open.filter((c) => c.state === 'picked').length,
        agents: serving.length,
        availableAgents: serving.filter((u) => agentState(u.id).presence.state === 'available' && isLoggedIn(u.id)).length,
        waitingHistory: waitingHistory(queue.id, now),
        availability: queueAvailability(queue.id, now),
        maxWaiting: limitsOf(queue.id).maxWaiting,
      };
    });
}

function agentStatuses(): AgentStatus[] {
  return enabledAgents()
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || binary(a.id, b.id))
    .map((u) => {
      const state = agentState(u.id);
      return {
        agent: { id: u.id, displayName: u.displayName },
        username: u.username,
        presence: structuredClone(state.presence),
        connected: isLoggedIn(u.id),
        capacity: state.capacity,
        held: mockData.conversations.filter((c) => c.state === 'picked' && c.agentId === u.id).length,
        offered: mockData.conversations.filter((c) => c.state === 'offered' && c.offeredToId === u.id).length,
        queues: mockData.queues
          .filter((q) => u.queueIds.includes(q.id))
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((q) => ({ id: q.id, name: q.name })),
      };
    });
}

const staffActor = (userId: string): AuditActor => ({ kind: 'staff', id: userId, name: findUser(userId)?.displayName ?? 'Unknown agent' });
const SYSTEM: AuditActor = { kind: 'system', id: null, name: 'System' };

/** The trail, rebuilt from the records the mock keeps (the server reads it from its event log). */
function auditTrail(record: ConversationRecord): AuditEntry[] {
  const c = toConversation(record);
  const customer: AuditActor = { kind: 'customer', id: c.customer.id, name: c.customer.name };
  const entries: AuditEntry[] = [
    { id: `arrived-${c.id}`, at: c.arrivedAt, kind: 'arrived', actor: customer, summary: `Started a chat in ${c.queue.name} from ${c.source}` },
  ];
  mockData.offers
    .filter((o) => o.conversationId === c.id)
    .forEach((o, i) => {
      const name = findUser(o.agentId)?.displayName ?? 'an agent';
      entries.push({ id: `offer-${i}`, at: o.offeredAt, kind: 'offered', actor: SYSTEM, summary: `Offered to ${name}` });
      if (o.outcome === 'rejected') entries.push({ id: `offer-${i}-end`, at: o.offeredAt, kind: 'offer_rejected', actor: staffActor(o.agentId), summary: 'Rejected the offer' });
      if (o.outcome === 'expired') entries.push({ id: `offer-${i}-end`, at: o.expiresAt, kind: 'offer_expired', actor: SYSTEM, summary: `The offer to ${name} expired` });
      if (o.outcome === 'withdrawn') entries.push({ id: `offer-${i}-end`, at: o.offeredAt, kind: 'offer_withdrawn', actor: SYSTEM, summary: `The offer to ${name} was withdrawn` });
    });
  for (const t of transfersOf(c.id)) {
    const transfer = toTransfer(t);
    const target = transfer.toAgent?.displayName ?? transfer.toQueue?.name ?? 'another queue';
    const note = transfer.note ? `: ${transfer.note}` : '';
    // Only supervisors and admins reassign; agents transfer what they hold.
    const reassigned = findUser(t.fromAgentId)?.role !== 'agent';
    entries.push({
      id: `transfer-${t.id}`,
      at: t.at,
      kind: reassigned ? 'reassigned' : 'transferred',
      actor: staffActor(t.fromAgentId),
      summary: reassigned ? `Reassigned to ${target}${note}` : `${transfer.from.displayName} → ${target}${note}`,
    });
  }
  // The mock keeps the latest pick only.
  if (c.pickedAt && c.agent) {
    entries.push({ id: `picked-${c.id}`, at: c.pickedAt, kind: 'picked', actor: staffActor(c.agent.id), summary: `Picked from ${c.queue.name}` });
  }
  if (c.state === 'ended' && c.endedAt) {
    const ended: Omit<AuditEntry, 'id' | 'at'> =
      c.endedBy === 'customer'
        ? { kind: 'ended', actor: customer, summary: 'The customer ended the chat' }
        : c.endedBy === 'agent' && c.agent
          ? { kind: 'ended', actor: staffActor(c.agent.id), summary: `Ended by ${c.agent.displayName}` }
          : c.endReason === 'inactivity'
            ? { kind: 'ended', actor: SYSTEM, summary: 'Ended by the system: inactivity' }
            : { kind: 'ended', actor: SYSTEM, summary: 'Ended' };
    entries.push({ id: `ended-${c.id}`, at: c.endedAt, ...ended });
  }
  const wrapUp = wrapUpAuditEntry(c.id);
  if (wrapUp) entries.push(wrapUp);
  const rated = mockData.ratings.get(c.id);
  if (rated) entries.push({ id: `rating-${c.id}`, at: rated.at, kind: 'rated', actor: customer, summary: ratingAuditSummary(rated) });
  return entries.sort((a, b) => binary(a.at, b.at));
}

/** Moves an open conversation, by the rules of a transfer (src/server/supervision/reassign.ts). */
function reassign(user: User, id: string, body: { target: TransferTarget; note?: string }) {
  const record = UUID.test(id) ? findConversation(id) : null;
  if (!record) throw notFound('This conversation');
  if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
  const { target } = body;
  let queue = mockData.queues.find((q) => q.id === record.queueId)!;
  let agent: User | null = null;
  if (target.kind === 'queue') {
    queue = targetQueue(target.queueId);
    if (record.state === 'queued' && !record.reservedForId && record.queueId === queue.id) {
      throw invalidTarget('queueId', `This conversation already waits in ${queue.name}.`);
    }
  } else {
    agent = targetAgent(target.agentId);
    if (isDisabled(agent.id)) throw invalidTarget('agentId', `${agent.displayName} can no longer take conversations. Choose another agent.`);
    if (!isLoggedIn(agent.id)) throw invalidTarget('agentId', `${agent.displayName} is not logged in. Choose an agent who is.`);
    if (record.state === 'picked' && record.agentId === agent.id) throw invalidTarget('agentId', `${agent.displayName} already holds this conversation.`);
    if (record.state === 'queued' && record.reservedForId === agent.id) {
      throw invalidTarget('agentId', `This conversation already waits for ${agent.displayName}.`);
    }
  }
  if (record.state === 'offered' && record.offeredToId) closeOffer(record, record.offeredToId, 'withdrawn');
  return handOver(record, user, queue, agent, body.note);
}

type SupervisionRoute = 'queueDashboard' | 'agentStatuses' | 'openConversations' | 'auditTrail' | 'reassign';

export const supervisionHandlers: { [R in SupervisionRoute]: HttpHandler } = {
  queueDashboard: route('queueDashboard', (ctx) => {
    requireOverseer(ctx);
    sweepRouting();
    const now = Date.now();
    return { queues: queueStats(now), channels: channelCounts(), at: new Date(now).toISOString() };
  }),

  agentStatuses: route('agentStatuses', (ctx) => {
    requireOverseer(ctx);
    sweepRouting();
    return { agents: agentStatuses(), at: new Date().toISOString() };
  }),

  openConversations: route('openConversations', (ctx) => {
    requireOverseer(ctx);
    sweepRouting();
    const { queueId } = ctx.query;
    if (queueId !== undefined && !(UUID.test(queueId) && mockData.queues.some((q) => q.id === queueId))) {
      throw new MockApiError(400, 'invalid_request', 'This queue does not exist.', { fields: { queueId: 'Unknown queue' } });
    }
    const open = mockData.conversations
      .filter((c) => c.state !== 'ended' && (queueId === undefined || c.queueId === queueId))
      .sort((a, b) => binary(a.arrivedAt, b.arrivedAt) || binary(a.id, b.id));
    return mockPage(open.map(toConversation), { listing: `open:${queueId ?? 'all'}`, cursor: ctx.query.cursor, limit: ctx.query.limit });
  }),

  auditTrail: route('auditTrail', (ctx) => {
    requireOverseer(ctx);
    const record = findConversation(ctx.params.id);
    if (!record) throw notFound('This conversation');
    return { entries: auditTrail(record) };
  }),

  reassign: route('reassign', (ctx) => reassign(requireOverseer(ctx), ctx.params.id, ctx.body)),
};
