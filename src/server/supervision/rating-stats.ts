import { sql } from 'kysely';
import type { RatingFigure, RatingStats } from '../../contract/customer-chat';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

type Row = { kind: 'queue' | 'agent'; id: string; name: string; today_avg: number | string | null; today_n: number; week_avg: number | string | null; week_n: number };

const figure = (avg: number | string | null, n: number): RatingFigure => ({ average: avg === null ? null : Math.round(Number(avg) * 100) / 100, count: n });

/**
 * Satisfaction per queue and per agent: average and count since `today` (the reader's start of
 * day) and over the last 7 days. One statement whatever the number of queues, agents or ratings:
 * the week's ratings are read once through their index (migration 29) and grouped both ways with
 * GROUPING SETS; only queues and agents with a rating in the week are listed.
 */
export async function ratingStats(db: Sql, today: Date): Promise<RatingStats> {
  const { rows } = await sql<Row>`
    WITH week AS (
      SELECT queue_id, agent_id, rating, created_at >= ${today} AS today
      FROM conversation_ratings
      WHERE created_at >= now() - interval '7 days' OR created_at >= ${today}
    ), grouped AS (
      SELECT queue_id, agent_id,
        avg(rating) FILTER (WHERE today) AS today_avg, (count(*) FILTER (WHERE today))::int AS today_n,
        avg(rating) AS week_avg, count(*)::int AS week_n
      FROM week GROUP BY GROUPING SETS ((queue_id), (agent_id))
    )
    SELECT 'queue' AS kind, q.id, q.name, g.today_avg, g.today_n, g.week_avg, g.week_n
      FROM grouped g JOIN queues q ON q.id = g.queue_id
    UNION ALL
    SELECT 'agent' AS kind, u.id, u.display_name AS name, g.today_avg, g.today_n, g.week_avg, g.week_n
      FROM grouped g JOIN users u ON u.id = g.agent_id
    ORDER BY kind, name, id`.execute(typed(db));
  const periods = (r: Row) => ({ today: figure(r.today_avg, r.today_n), week: figure(r.week_avg, r.week_n) });
  return {
    queues: rows.filter((r) => r.kind === 'queue').map((r) => ({ queue: { id: r.id, name: r.name }, ...periods(r) })),
    agents: rows.filter((r) => r.kind === 'agent').map((r) => ({ agent: { id: r.id, displayName: r.name }, ...periods(r) })),
  };
}
