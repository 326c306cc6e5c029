import { sql } from 'kysely';
import { OpeningHoursSchema, type OpeningHours, type QueueAvailability } from '../../contract/opening-hours';
import { describeOpeningHours } from '../../domain/opening-hours';
import { admission, availabilityOf } from '../../domain/queue-limits';
import { renderQueuePrompt } from '../prompts/post-prompt';
import type { PromptValues } from '../../domain/prompt-render';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';

/**
 * Opening hours and the waiting limit, as the server applies them (README "Opening hours and
 * queue limits"). The hours' rules are the domain's (src/domain/opening-hours.ts), on the
 * server's clock; waiting conversations are counted in the database.
 */

/** The stored hours (jsonb: parsed by the drivers, or text), checked again; unreadable = none. */
export function readOpeningHours(value: unknown): OpeningHours | null {
  if (value === null || value === undefined) return null;
  const parsed = OpeningHoursSchema.safeParse(typeof value === 'string' ? JSON.parse(value) : value);
  return parsed.success ? parsed.data : null;
}

/** Conversations that count against a queue's maximum: waiting or being offered, left messages included. */
const waitingCount = sql<number>`count(*) FILTER (WHERE c.state IN ('queued', 'offered'))::int`;

export interface QueueLimits extends QueueAvailability {
  id: string;
  name: string;
  openingHours: OpeningHours | null;
  maxWaiting: number | null;
  waiting: number;
}

/** Every queue's availability now (or those with the given ids), by name. */
export async function queueAvailabilities(db: Sql, now = Date.now(), onlyIds: string[] | null = null): Promise<QueueLimits[]> {
  const rows = await typed(db)
    .selectFrom('queues as q')
    .leftJoin('conversations as c', (join) => join.onRef('c.queue_id', '=', 'q.id').on('c.state', 'in', ['queued', 'offered']))
    .select(['q.id', 'q.name', 'q.opening_hours', 'q.leave_message', 'q.max_waiting', waitingCount.as('waiting')])
    .$if(onlyIds !== null, (qb) => qb.where('q.id', '=', (eb) => eb.fn.any(eb.val(onlyIds ?? []))))
    .groupBy(['q.id', 'q.name', 'q.opening_hours', 'q.leave_message', 'q.max_waiting'])
    .orderBy('q.name')
    .orderBy('q.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    openingHours: readOpeningHours(r.opening_hours),
    ...availabilityOf({ openingHours: readOpeningHours(r.opening_hours), leaveMessage: r.leave_message, maxWaiting: r.max_waiting }, r.waiting, now),
    maxWaiting: r.max_waiting,
    waiting: r.waiting,
  }));
}

export const availabilityFields = (q: QueueAvailability): QueueAvailability => ({ open: q.open, nextOpening: q.nextOpening, full: q.full, leaveMessage: q.leaveMessage });

/**
 * The check before a web chat conversation is created in the queue, inside the creating
 * transaction (the rule is the domain's `admission`). It locks the queue's row first, so
 * concurrent starts in one queue count the waiting conversations one after the other (each sees
 * the ones committed before it) and the maximum is never overrun; starts in other queues do not
 * wait, and FOR NO KEY UPDATE leaves the conversations' foreign-key checks free. Returns when a
 * left message is to wait until (the next opening), or null to start now.
 */
export async function admitStart(tx: Sql, queueId: string, opts: { leaveMessage: boolean; now?: number }): Promise<{ heldUntil: Date | null }> {
  await typed(tx).selectFrom('queues').select('id').where('id', '=', queueId).forNoKeyUpdate().execute();
  const [queue] = await queueAvailabilities(tx, opts.now ?? Date.now(), [queueId]);
  if (!queue) throw new ApiError(400, 'invalid_request', 'This queue does not exist. Choose another one.', { fields: { queueId: 'Unknown queue' }, fieldIssues: { queueId: { code: 'unknown_choice' } } });
  const heldUntil = admission(queue.name, availabilityFields(queue), opts.leaveMessage);
  return { heldUntil: heldUntil === null ? null : new Date(heldUntil) };
}

/**
 * What a customer reads about a closed or full queue: its serviceClosed or queueFull prompt
 * (src/server/prompts), with the weekly hours for {queue.openingHours}; null when neither applies
 * or the admin switched the prompt off.
 */
export async function customerPrompt(db: Sql, queue: Pick<QueueLimits, 'id' | 'open' | 'full' | 'openingHours'>): Promise<string | null> {
  const kind = !queue.open ? 'serviceClosed' : queue.full ? 'queueFull' : null;
  if (!kind) return null;
  return renderQueuePrompt(db, queue.id, kind, hoursValue(queue.openingHours));
}

/**
 * A messaging-channel customer's first message cannot be refused (it has arrived): outside the
 * hours the new conversation waits until the opening (held, as a left message, whether or not
 * the web chat offers leaving one) and the customer is answered with the serviceClosed prompt;
 * in a full queue it waits as usual and the customer gets the queueFull prompt. Same queue-row
 * lock as web-chat starts.
 */
export async function channelAdmission(
  tx: Sql,
  queueId: string,
  now = Date.now(),
): Promise<{ heldUntil: Date | null; prompt: 'serviceClosed' | 'queueFull' | null; values: PromptValues }> {
  await typed(tx).selectFrom('queues').select('id').where('id', '=', queueId).forNoKeyUpdate().execute();
  const [q] = await queueAvailabilities(tx, now, [queueId]);
  const values = hoursValue(q?.openingHours ?? null);
  if (q && !q.open) return { heldUntil: q.nextOpening ? new Date(q.nextOpening) : null, prompt: 'serviceClosed', values };
  if (q?.full) return { heldUntil: null, prompt: 'queueFull', values };
  return { heldUntil: null, prompt: null, values };
}

/** {queue.openingHours}, left out when there are no weekly hours (the prompt's line is then dropped). */
function hoursValue(hours: OpeningHours | null): PromptValues {
  const text = describeOpeningHours(hours);
  return text ? { 'queue.openingHours': text } : {};
}
