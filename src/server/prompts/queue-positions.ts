import { sql } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ESTIMATE_WINDOW_MINUTES, estimateFromPickCount } from '../../domain/wait-estimate';

/** Where a waiting conversation stands in its queue, and how long it may still wait. */
export interface QueuePosition {
  conversationId: string;
  queueId: string;
  /** 1 = next. */
  position: number;
  /** Null when there is too little data (see wait-estimate.ts). */
  estimatedWaitMinutes: number | null;
}

/**
 * The places of the waiting conversations of `queueIds` (all of them, or only `onlyIds` among
 * them), in one statement: the line is the picklist's order (returned conversations first, then
 * by arrival), offered ones included since they still wait; each queue's picks of the last
 * ESTIMATE_WINDOW_MINUTES give the estimate.
 */
export async function queuePositions(db: Sql, queueIds: readonly string[], onlyIds?: readonly string[]): Promise<QueuePosition[]> {
  if (queueIds.length === 0 || onlyIds?.length === 0) return [];
  const { rows } = await sql<{ id: string; queue_id: string; position: number | string; picks: number | string }>`
    WITH line AS (
      SELECT c.id, c.queue_id,
             row_number() OVER (PARTITION BY c.queue_id ORDER BY (c.returned_at IS NULL), c.arrived_at, c.id) AS position
      FROM conversations c
      WHERE c.queue_id = ANY(${[...queueIds]}::uuid[]) AND c.state IN ('queued', 'offered')
    ), picks AS (
      SELECT p.queue_id, count(*) AS picks FROM conversations p
      WHERE p.queue_id = ANY(${[...queueIds]}::uuid[]) AND p.picked_at > now() - make_interval(mins => ${ESTIMATE_WINDOW_MINUTES})
      GROUP BY p.queue_id
    )
    SELECT line.id, line.queue_id, line.position, COALESCE(picks.picks, 0) AS picks
    FROM line LEFT JOIN picks ON picks.queue_id = line.queue_id
    WHERE ${onlyIds === undefined}::boolean OR line.id = ANY(${[...(onlyIds ?? [])]}::uuid[])`.execute(typed(db));
  return rows.map((r) => ({
    conversationId: r.id,
    queueId: r.queue_id,
    position: Number(r.position),
    estimatedWaitMinutes: estimateFromPickCount(Number(r.position), Number(r.picks)),
  }));
}

/** One conversation's place, or null when it is not waiting. */
export async function positionOf(db: Sql, conversationId: string): Promise<QueuePosition | null> {
  const row = await typed(db).selectFrom('conversations').select('queue_id').where('id', '=', conversationId).executeTakeFirst();
  if (!row) return null;
  const [position] = await queuePositions(db, [row.queue_id], [conversationId]);
  return position ?? null;
}
