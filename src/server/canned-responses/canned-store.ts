import type { CannedResponse } from '../../contract/canned-responses';
import type { Viewer } from '../../domain/conversation-rules';
import { mayManageShared, type CannedFacts } from '../../domain/canned-rules';
import { sql, type Expression, type SqlBool } from 'kysely';
import { attachmentFromRow, cannedAttachmentsJson } from '../attachments/attachment-store';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

/** A canned response as read for the API, with the facts its rights are judged on. */
export interface CannedRecord {
  response: CannedResponse;
  facts: CannedFacts;
}

const selectResponses = (db: Sql) =>
  typed(db)
    .selectFrom('canned_responses as r')
    .leftJoin('queues as q', 'q.id', 'r.queue_id')
    .select(['r.id', 'r.owner_id', 'r.queue_id', 'q.name as queue_name', 'r.shortcut', 'r.text', 'r.use_count', 'r.updated_at', cannedAttachmentsJson('r').as('attachments')]);

type Row = Awaited<ReturnType<ReturnType<typeof selectResponses>['execute']>>[number];

function fromRow(r: Row, now = Date.now()): CannedRecord {
  return {
    response: {
      id: r.id,
      scope: r.owner_id === null ? 'shared' : 'personal',
      queue: r.queue_id !== null ? { id: r.queue_id, name: r.queue_name ?? '' } : null,
      shortcut: r.shortcut,
      text: r.text,
      attachments: r.attachments.map((a) => attachmentFromRow(a, now)),
      useCount: r.use_count,
      updatedAt: new Date(r.updated_at).toISOString(),
    },
    facts: { ownerId: r.owner_id, queueId: r.queue_id },
  };
}

/**
 * mayUseCanned (domain/canned-rules.ts) as SQL on `canned_responses r`: my own, and the shared ones
 * for everyone, for my queues, or (supervisors and admins) all of them.
 */
function usableBy(user: Viewer): Expression<SqlBool> {
  if (mayManageShared(user)) return sql<SqlBool>`(r.owner_id = ${user.id} OR r.owner_id IS NULL)`;
  return sql<SqlBool>`(r.owner_id = ${user.id} OR (r.owner_id IS NULL AND (r.queue_id IS NULL OR r.queue_id = ANY(${[...user.queueIds]}::uuid[]))))`;
}

/** What `user` may use: personal first, then shared, each by shortcut. */
export async function listUsableCanned(db: Sql, user: Viewer): Promise<CannedResponse[]> {
  const rows = await selectResponses(db)
    .where(usableBy(user))
    .orderBy(sql`r.owner_id IS NULL`)
    .orderBy('r.shortcut')
    .execute();
  const now = Date.now();
  return rows.map((r) => fromRow(r, now).response);
}

/** One response, whoever may see it (the caller judges). */
export async function findCanned(db: Sql, id: string): Promise<CannedRecord | null> {
  const row = await selectResponses(db).where('r.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** The response that holds file `attachmentId`, if any. */
export async function findCannedOfAttachment(db: Sql, attachmentId: string): Promise<CannedRecord | null> {
  const row = await selectResponses(db)
    .where('r.id', '=', (eb) => eb.selectFrom('attachments').select('canned_response_id').where('id', '=', attachmentId))
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Whether another response than `selfId` of the same scope (shared, or `ownerId`'s) has this shortcut. */
export async function shortcutTaken(db: Sql, ownerId: string | null, shortcut: string, selfId: string | null): Promise<boolean> {
  const row = await typed(db)
    .selectFrom('canned_responses')
    .select(sql.lit(1).as('one'))
    .where('shortcut', '=', shortcut)
    .where(ownerId === null ? sql<SqlBool>`owner_id IS NULL` : sql<SqlBool>`owner_id = ${ownerId}`)
    .$if(selfId !== null, (qb) => qb.where('id', '<>', selfId!))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCanned(db: Sql, r: { ownerId: string | null; queueId: string | null; shortcut: string; text: string }): Promise<string> {
  const { id } = await typed(db)
    .insertInto('canned_responses')
    .values({ owner_id: r.ownerId, queue_id: r.queueId, shortcut: r.shortcut, text: r.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCannedRow(db: Sql, id: string, r: { queueId: string | null; shortcut: string; text: string }): Promise<void> {
  await typed(db)
    .updateTable('canned_responses')
    .set({ queue_id: r.queueId, shortcut: r.shortcut, text: r.text, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function deleteCannedRow(db: Sql, id: string): Promise<void> {
  await typed(db).deleteFrom('canned_responses').where('id', '=', id).execute();
}

/** Counts one use; the new count (null when the response is gone). */
export async function countCannedUse(db: Sql, id: string): Promise<number | null> {
  const row = await typed(db)
    .updateTable('canned_responses')
    .set({ use_count: sql`use_count + 1` })
    .where('id', '=', id)
    .returning('use_count')
    .executeTakeFirst();
  return row?.use_count ?? null;
}

/** A queue's name, or null when there is no such queue. */
export async function queueName(db: Sql, id: string): Promise<string | null> {
  const row = await typed(db).selectFrom('queues').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}
