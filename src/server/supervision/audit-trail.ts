import type { Conversation, PersonRef, Transfer } from '../../contract/conversations';
import type { ConversationEvent } from '../../contract/events';
import type { AuditActor, AuditEntry } from '../../contract/supervision';
import { getConversation } from '../conversations/conversation-store';
import type { Sql } from '../db/database';
import { sql, type Selectable } from 'kysely';
import { typed } from '../db/kysely';
import type { Events } from '../db/schema.gen';
import { notFound } from '../http/api-error';
import { wrapUpAuditEntry } from '../wrap-up/wrap-up-store';
import { ratingOf } from '../webchat/chat-ending';
import { ratingAuditSummary } from '../../domain/rating-text';

/**
 * Event types that change who has the conversation; messages and notes are not part of the trail.
 * Retention copies these to `conversation_trail` before it prunes the event log.
 */
export const TRAIL_TYPES = [
  'conversation.created',
  'conversation.offered',
  'conversation.accepted',
  'conversation.offer-declined',
  'conversation.picked',
  'conversation.transferred',
  'conversation.returned',
  'conversation.ended',
] as const;

type TrailEvent = Extract<ConversationEvent, { type: (typeof TRAIL_TYPES)[number] }>;

const staff = (p: PersonRef): AuditActor => ({ kind: 'staff', id: p.id, name: p.displayName });
const SYSTEM: AuditActor = { kind: 'system', id: null, name: 'System' };
const customerOf = (c: Conversation): AuditActor => ({ kind: 'customer', id: c.customer.id, name: c.customer.name });

/** Builds the summary of a transfer: who sent it where, and why. */
function transferSummary(t: Transfer, reassigned: boolean, previousHolder: PersonRef | null): string {
  const target = t.toAgent ? t.toAgent.displayName : (t.toQueue?.name ?? 'another queue');
  const note = t.note ? `: ${t.note}` : '';
  if (!reassigned) return `${t.from.displayName} → ${target}${note}`;
  const from = previousHolder ? `from ${previousHolder.displayName} ` : '';
  return `Reassigned ${from}to ${target}${note}`;
}

/**
 * A conversation's trail, oldest first: arrival, offers and how they ended, picks, transfers
 * (those a supervisor or admin made show as reassigned), returns, the end with its reason and
 * summary (wrap-up), and refused uploads,
 * each with who did it. Read from the conversation's own events, which every change writes in
 * its transaction, so the trail is exactly what happened. Conversations from before the event
 * log (the demo's past chats) get their arrival, pick and end from the conversation itself.
 */
export async function auditTrail(db: Sql, conversationId: string): Promise<AuditEntry[]> {
  const conversation = await getConversation(db, conversationId);
  if (!conversation) throw notFound('This conversation');

  // Older events were pruned from the log and live on in conversation_trail; a seq is in one or the other.
  // A conversation's events not numbered yet (seq null for a few milliseconds, see sequencer.ts)
  // come after its numbered ones, in insertion order (id; null for rows of conversation_trail).
  const events = await typed(db)
    .selectFrom('events')
    // Typed nullable: the trail's rows (second part) have no id.
    .select((eb) => ['seq', eb.ref('id').$castTo<Selectable<Events>['id'] | null>().as('id'), 'created_at', 'payload'])
    .where('conversation_id', '=', conversationId)
    .where('type', '=', (eb) => eb.fn.any(eb.val([...TRAIL_TYPES])))
    .unionAll((eb) =>
      eb.selectFrom('conversation_trail').select(['seq', sql<null>`NULL`.as('id'), 'created_at', 'payload']).where('conversation_id', '=', conversationId),
    )
    .orderBy('seq', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .execute();
  const reassigned = new Set(
    (
      await typed(db).selectFrom('transfers').select('id').where('conversation_id', '=', conversationId).where('reassigned', '=', true).execute()
    ).map((r) => r.id),
  );

  const entries: AuditEntry[] = [];
  // Who holds the conversation at each point, for "reassigned from …".
  let holder: PersonRef | null = null;
  for (const row of events) {
    const event = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as TrailEvent;
    const entry = describe(event, holder, reassigned);
    entries.push({ id: row.seq === null ? `event-new-${row.id}` : `event-${row.seq}`, at: new Date(row.created_at).toISOString(), ...entry });
    if (event.type === 'conversation.picked' || event.type === 'conversation.accepted') holder = event.conversation.agent;
    else if (event.type !== 'conversation.offered' && event.type !== 'conversation.offer-declined') holder = null;
  }
  if (events.length === 0) entries.push(...fromConversation(conversation));
  // Right after the end (same moment, and the sort below keeps this order).
  const wrapUp = await wrapUpAuditEntry(db, conversationId);
  if (wrapUp) entries.push(wrapUp);
  const rating = await ratingOf(db, conversationId);
  if (rating) entries.push({ id: `rating-${conversationId}`, at: rating.at, kind: 'rated', actor: customerOf(conversation), summary: ratingAuditSummary(rating) });

  const rejections = await typed(db)
    .selectFrom('rejected_uploads as r')
    .leftJoin('users as u', (join) => join.on('r.uploader_kind', '=', 'agent').onRef('u.id', '=', 'r.uploader_id'))
    .select(['r.id', 'r.created_at', 'r.uploader_kind', 'r.uploader_id', 'u.display_name as uploader_name', 'r.file_name', 'r.reason'])
    .where('r.conversation_id', '=', conversationId)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  for (const r of rejections) {
    const actor: AuditActor =
      r.uploader_kind === 'customer'
        ? customerOf(conversation)
        : { kind: 'staff', id: r.uploader_id, name: r.uploader_name ?? 'Unknown agent' };
    entries.push({
      id: `upload-${r.id}`,
      at: r.created_at.toISOString(),
      kind: 'upload_rejected',
      actor,
      summary: `Refused ${r.file_name ? `“${r.file_name}”` : 'a file'}: ${r.reason}`,
    });
  }
  // Stable: events keep their log order where times are equal.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function describe(event: TrailEvent, holder: PersonRef | null, reassigned: Set<string>): Omit<AuditEntry, 'id' | 'at'> {
  const c = event.conversation;
  switch (event.type) {
    case 'conversation.created':
      return { kind: 'arrived', actor: customerOf(c), summary: `Started a chat in ${c.queue.name} from ${c.source}` };
    case 'conversation.offered':
      return { kind: 'offered', actor: SYSTEM, summary: `Offered to ${c.offer?.agent.displayName ?? 'an agent'}` };
    case 'conversation.accepted':
      return { kind: 'accepted', actor: c.agent ? staff(c.agent) : SYSTEM, summary: 'Accepted the offer' };
    case 'conversation.offer-declined':
      if (event.outcome === 'rejected') return { kind: 'offer_rejected', actor: staff(event.agent), summary: 'Rejected the offer' };
      if (event.outcome === 'expired') {
        return { kind: 'offer_expired', actor: SYSTEM, summary: `The offer to ${event.agent.displayName} expired` };
      }
      return { kind: 'offer_withdrawn', actor: SYSTEM, summary: `The offer to ${event.agent.displayName} was withdrawn` };
    case 'conversation.picked':
      return { kind: 'picked', actor: c.agent ? staff(c.agent) : SYSTEM, summary: `Picked from ${c.queue.name}` };
    case 'conversation.transferred': {
      const isReassigned = reassigned.has(event.transfer.id);
      return {
        kind: isReassigned ? 'reassigned' : 'transferred',
        actor: staff(event.transfer.from),
        summary: transferSummary(event.transfer, isReassigned, holder),
      };
    }
    case 'conversation.returned':
      return { kind: 'returned', actor: SYSTEM, summary: `Back to ${c.queue.name}: ${event.agent.displayName} was no longer available` };
    case 'conversation.ended':
      return endEntry(c);
  }
}

function endEntry(c: Conversation): Omit<AuditEntry, 'id' | 'at'> {
  if (c.endedBy === 'customer') return { kind: 'ended', actor: customerOf(c), summary: 'The customer ended the chat' };
  if (c.endedBy === 'agent' && c.agent) return { kind: 'ended', actor: staff(c.agent), summary: `Ended by ${c.agent.displayName}` };
  if (c.endReason === 'inactivity') return { kind: 'ended', actor: SYSTEM, summary: 'Ended by the system: inactivity' };
  return { kind: 'ended', actor: SYSTEM, summary: 'Ended' };
}

/** The trail of a conversation that has no events, from what the conversation itself records. */
function fromConversation(c: Conversation): AuditEntry[] {
  const entries: AuditEntry[] = [
    { id: `arrived-${c.id}`, at: c.arrivedAt, kind: 'arrived', actor: customerOf(c), summary: `Started a chat in ${c.queue.name} from ${c.source}` },
  ];
  if (c.pickedAt && c.agent) {
    entries.push({ id: `picked-${c.id}`, at: c.pickedAt, kind: 'picked', actor: staff(c.agent), summary: `Picked from ${c.queue.name}` });
  }
  if (c.endedAt) entries.push({ id: `ended-${c.id}`, at: c.endedAt, ...endEntry(c) });
  return entries;
}
