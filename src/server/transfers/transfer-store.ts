import { sql, type ExpressionBuilder } from 'kysely';
import type { Transfer } from '../../contract/conversations';
import type { TransferAgent } from '../../contract/transfers';
import { TRANSFER_SELECT, transferFromRow, type TransferRow } from '../conversations/conversation-store';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { DB, Users } from '../db/schema.gen';

export interface NewTransfer {
  conversationId: string;
  fromAgentId: string;
  fromQueueId: string;
  /** Exactly one of the two. */
  toQueueId: string | null;
  toAgentId: string | null;
  note: string | null;
  /** A supervisor or admin (`fromAgentId`) moved it, rather than the agent holding it. */
  reassigned?: boolean;
}

export async function insertTransfer(tx: Sql, t: NewTransfer): Promise<Transfer> {
  const db = typed(tx);
  const { id } = await db
    .insertInto('transfers')
    .values({
      conversation_id: t.conversationId,
      from_agent_id: t.fromAgentId,
      from_queue_id: t.fromQueueId,
      to_queue_id: t.toQueueId,
      to_agent_id: t.toAgentId,
      note: t.note,
      reassigned: t.reassigned ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { rows: [row] } = await sql<TransferRow>`${sql.raw(TRANSFER_SELECT)} WHERE t.id = ${id}`.execute(db);
  return transferFromRow(row!);
}

/** Oldest first. */
export async function listTransfers(db: Sql, conversationId: string): Promise<Transfer[]> {
  const { rows } = await sql<TransferRow>`${sql.raw(TRANSFER_SELECT)} WHERE t.conversation_id = ${conversationId} ORDER BY t.created_at, t.id`.execute(typed(db));
  return rows.map(transferFromRow);
}

/** A possible receiver of a transfer, with what decides whether they may receive it. */
export interface CandidateAgent {
  id: string;
  displayName: string;
  role: string;
  disabled: boolean;
  /** Has a session that has not expired. */
  loggedIn: boolean;
}

/** Whether user `u` has a session that has not expired. */
const hasLiveSession = (eb: ExpressionBuilder<DB & { u: Users }, 'u'>) =>
  eb
    .exists(eb.selectFrom('sessions as s').select(eb.lit(1).as('one')).whereRef('s.user_id', '=', 'u.id').where('s.expires_at', '>', sql<Date>`now()`))
    .$castTo<boolean>();

export async function findCandidate(db: Sql, userId: string): Promise<CandidateAgent | null> {
  const row = await typed(db)
    .selectFrom('users as u')
    .select((eb) => ['u.id', 'u.display_name', 'u.role', 'u.disabled', hasLiveSession(eb).as('logged_in')])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row
    ? { id: row.id, displayName: row.display_name, role: row.role, disabled: row.disabled, loggedIn: row.logged_in }
    : null;
}

/** Enabled agents with a live session, other than `exceptId`, by name. */
export async function listLoggedInAgents(db: Sql, exceptId: string): Promise<TransferAgent[]> {
  const rows = await typed(db)
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.display_name',
      sql<string[] | null>`ARRAY(SELECT qa.queue_id::text FROM queue_agents qa WHERE qa.user_id = u.id ORDER BY qa.queue_id)`.as('queue_ids'),
    ])
    .where('u.role', '=', 'agent')
    .where((eb) => eb.not(eb.ref('u.disabled')))
    .where('u.id', '<>', exceptId)
    .where(hasLiveSession)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, queueIds: r.queue_ids ?? [] }));
}
