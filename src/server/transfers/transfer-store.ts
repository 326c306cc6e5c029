import type { Transfer } from '../../contract/conversations';
import type { TransferAgent } from '../../contract/transfers';
import { TRANSFER_SELECT, transferFromRow, type TransferRow } from '../conversations/conversation-store';
import type { Sql } from '../db/database';

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
  const [inserted] = await tx.query<{ id: string }>(
    `INSERT INTO transfers (conversation_id, from_agent_id, from_queue_id, to_queue_id, to_agent_id, note, reassigned)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [t.conversationId, t.fromAgentId, t.fromQueueId, t.toQueueId, t.toAgentId, t.note, t.reassigned ?? false],
  );
  const [row] = await tx.query<TransferRow>(`${TRANSFER_SELECT} WHERE t.id = $1`, [inserted!.id]);
  return transferFromRow(row!);
}

/** Oldest first. */
export async function listTransfers(sql: Sql, conversationId: string): Promise<Transfer[]> {
  const rows = await sql.query<TransferRow>(`${TRANSFER_SELECT} WHERE t.conversation_id = $1 ORDER BY t.created_at, t.id`, [
    conversationId,
  ]);
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

export async function findCandidate(sql: Sql, userId: string): Promise<CandidateAgent | null> {
  const [row] = await sql.query<{ id: string; display_name: string; role: string; disabled: boolean; logged_in: boolean }>(
    `SELECT u.id, u.display_name, u.role, u.disabled,
       EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now()) AS logged_in
     FROM users u WHERE u.id = $1`,
    [userId],
  );
  return row
    ? { id: row.id, displayName: row.display_name, role: row.role, disabled: row.disabled, loggedIn: row.logged_in }
    : null;
}

/** Enabled agents with a live session, other than `exceptId`, by name. */
export async function listLoggedInAgents(sql: Sql, exceptId: string): Promise<TransferAgent[]> {
  const rows = await sql.query<{ id: string; display_name: string; queue_ids: string[] | null }>(
    `SELECT u.id, u.display_name,
       ARRAY(SELECT qa.queue_id::text FROM queue_agents qa WHERE qa.user_id = u.id ORDER BY qa.queue_id) AS queue_ids
     FROM users u
     WHERE u.role = 'agent' AND NOT u.disabled AND u.id <> $1
       AND EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now())
     ORDER BY u.display_name, u.id`,
    [exceptId],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, queueIds: r.queue_ids ?? [] }));
}
