import { sql, type RawBuilder } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

/*
 * `queue_agents` seen from either end: a queue's agents (the queue screen) or an agent's queues
 * (the user screen). Both ask it the same two things, so the SQL is written once per question,
 * with the columns of the end it is asked from.
 */

const ENDS = {
  /** From a queue: its agents, users named by display name. */
  queue: { own: 'queue_id', other: 'user_id', table: 'users', name: 'display_name' },
  /** From a user: their queues, named by name. */
  user: { own: 'user_id', other: 'queue_id', table: 'queues', name: 'name' },
} as const;
type End = keyof typeof ENDS;

/**
 * For a select list: the ids at the other end of the row `ownId` (a column reference such as
 * `q.id`), ordered by their names and then ids, so every list shows them alike.
 */
export function linkedIds(end: End, ownId: string): RawBuilder<string[] | null> {
  const { own, other, table, name } = ENDS[end];
  return sql<string[] | null>`ARRAY(SELECT ${sql.ref(`qa.${other}`)}::text FROM queue_agents qa
    JOIN ${sql.table(table)} o ON o.id = ${sql.ref(`qa.${other}`)}
    WHERE ${sql.ref(`qa.${own}`)} = ${sql.ref(ownId)} ORDER BY ${sql.ref(`o.${name}`)}, o.id)`;
}

/**
 * Makes `ownId`'s links exactly `ids` (all of which exist); returns the ids it gained, and those
 * it lost with their names.
 */
export async function setLinks(tx: Sql, end: End, ownId: string, ids: string[]): Promise<{ added: Set<string>; removed: { id: string; name: string }[] }> {
  const { own, other, table, name } = ENDS[end];
  const db = typed(tx);
  const { rows: removed } = await sql<{ id: string; name: string }>`DELETE FROM queue_agents qa USING ${sql.table(table)} o
    WHERE ${sql.ref(`qa.${own}`)} = ${ownId} AND o.id = ${sql.ref(`qa.${other}`)} AND NOT (${sql.ref(`qa.${other}`)} = ANY(${ids}::uuid[]))
    RETURNING o.id, ${sql.ref(`o.${name}`)} AS name`.execute(db);
  const added = await db
    .insertInto('queue_agents')
    .columns([own, other])
    .expression(sql`SELECT ${ownId}::uuid, unnest(${ids}::uuid[])`)
    .onConflict((oc) => oc.doNothing())
    .returning(['queue_id', 'user_id'])
    .execute();
  return { added: new Set(added.map((r) => r[other])), removed };
}
