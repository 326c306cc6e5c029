import { sql } from 'kysely';
import type { AuditEntry } from '../../contract/supervision';
import type { EndConversationRequest, WrapUpCount, WrapUpOptions } from '../../contract/wrap-up';
import { UUID_PATTERN } from '../../domain/ids';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';

/*
 * What agents and supervisors read of wrap-up (the reasons chats ended): the codes a queue offers,
 * the check and record of a reason when a chat ends, and the supervisors' counts. The admins'
 * side is wrap-up-admin.ts.
 */

/** The codes in use that `queueId` offers, by name. */
const offeredCodes = (db: Sql, queueId: string) =>
  typed(db)
    .selectFrom('wrap_up_codes as c')
    .select(['c.id', 'c.name'])
    .where('c.retired_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('c.all_queues', '=', true),
        eb.exists(eb.selectFrom('wrap_up_code_queues as wq').select(sql.lit(1).as('one')).whereRef('wq.code_id', '=', 'c.id').where('wq.queue_id', '=', queueId)),
      ]),
    );

/** What the End chat dialog offers in a queue; null when there is no such queue. */
export async function wrapUpOptions(db: Sql, queueId: string): Promise<WrapUpOptions | null> {
  const queue = await typed(db).selectFrom('queues').select('wrap_up_required').where('id', '=', queueId).executeTakeFirst();
  if (!queue) return null;
  const codes = await offeredCodes(db, queueId).orderBy(sql`lower(c.name)`).orderBy('c.id').execute();
  return { required: queue.wrap_up_required, codes };
}

export interface EndWrapUp {
  codeId: string | null;
  summary: string | null;
}

/**
 * The reason and summary an agent ends a chat in `queueId` with, checked against what the queue
 * offers now: 422 `wrap_up_code_unavailable` for a code it does not offer (unknown, retired, of
 * other queues), 422 `wrap_up_required` without one where the queue needs it. Runs in the end's
 * transaction, so a refusal leaves the chat open.
 */
export async function checkEndWrapUp(tx: Sql, queueId: string, body: EndConversationRequest): Promise<EndWrapUp> {
  const summary = body.summary ? body.summary : null;
  const chosen = body.wrapUpCodeId?.trim().toLowerCase();
  if (chosen) {
    const offered = UUID_PATTERN.test(chosen) ? await offeredCodes(tx, queueId).where('c.id', '=', chosen).executeTakeFirst() : undefined;
    if (!offered) {
      const message = 'This reason cannot be used in this queue any more. Choose another.';
      throw new ApiError(422, 'wrap_up_code_unavailable', message, { fields: { wrapUpCodeId: message } });
    }
    return { codeId: offered.id, summary };
  }
  const queue = await typed(tx).selectFrom('queues').select(['name', 'wrap_up_required']).where('id', '=', queueId).executeTakeFirstOrThrow();
  if (queue.wrap_up_required) {
    const message = `Choose a reason: chats in ${queue.name} need one to end.`;
    throw new ApiError(422, 'wrap_up_required', message, { fields: { wrapUpCodeId: message } });
  }
  return { codeId: null, summary };
}

/** Keeps the reason and summary with the end, in its transaction; nothing when there is neither. */
export async function recordEndWrapUp(tx: Sql, r: EndWrapUp & { conversationId: string; agentId: string; queueId: string }): Promise<void> {
  if (!r.codeId && !r.summary) return;
  await typed(tx)
    .insertInto('conversation_wrap_ups')
    .values({ conversation_id: r.conversationId, code_id: r.codeId, summary: r.summary, agent_id: r.agentId, queue_id: r.queueId })
    .execute();
}

/** The audit trail's line for how the chat ended, in the agent's words; null when they gave none. */
export async function wrapUpAuditEntry(db: Sql, conversationId: string): Promise<AuditEntry | null> {
  const row = await typed(db)
    .selectFrom('conversation_wrap_ups as w')
    .innerJoin('users as u', 'u.id', 'w.agent_id')
    .leftJoin('wrap_up_codes as c', 'c.id', 'w.code_id')
    .select(['w.created_at', 'w.summary', 'w.agent_id', 'u.display_name', 'c.name as code_name'])
    .where('w.conversation_id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: `wrap-up-${conversationId}`,
    at: row.created_at.toISOString(),
    kind: 'wrapped_up',
    actor: { kind: 'staff', id: row.agent_id, name: row.display_name },
    summary: wrapUpSummary(row.code_name, row.summary),
  };
}

/** "Reason: Refund issued. Summary: sent the form" — a retired code keeps its name. */
export function wrapUpSummary(codeName: string | null, summary: string | null): string {
  return [codeName && `Reason: ${codeName}`, summary && `Summary: ${summary}`].filter(Boolean).join('. ');
}

/** Per queue and reason, the chats ended with it since `since`: by queue name, then the most frequent first. */
export async function wrapUpCounts(db: Sql, since: Date): Promise<WrapUpCount[]> {
  const rows = await typed(db)
    .selectFrom('conversation_wrap_ups as w')
    .innerJoin('wrap_up_codes as c', 'c.id', 'w.code_id')
    .innerJoin('queues as q', 'q.id', 'w.queue_id')
    .select((eb) => ['q.id as queue_id', 'q.name as queue_name', 'c.id as code_id', 'c.name as code_name', 'c.retired_at', eb.fn.countAll<number | string>().as('n')])
    .where('w.code_id', 'is not', null)
    .where('w.created_at', '>=', since)
    .groupBy(['q.id', 'q.name', 'c.id', 'c.name', 'c.retired_at'])
    .orderBy('q.name')
    .orderBy('q.id')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`lower(c.name)`)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    queue: { id: r.queue_id, name: r.queue_name },
    code: { id: r.code_id, name: r.code_name, retired: r.retired_at !== null },
    count: Number(r.n),
  }));
}
