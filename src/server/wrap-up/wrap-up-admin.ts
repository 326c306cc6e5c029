import { sql, type InferResult } from 'kysely';
import type { User } from '../../contract/auth';
import type { AdminWrapUp, AdminWrapUpCode, CreateWrapUpCodeRequest, UpdateWrapUpCodeRequest } from '../../contract/wrap-up';
import { recordAdminAction } from '../admin/admin-audit-store';
import { fieldError, lockAsAdmin, UUID } from '../admin/admin-guard';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { notFound } from '../http/api-error';

/*
 * The admins' side of wrap-up: the codes (end reasons), for every queue or chosen ones, retired
 * rather than deleted so the conversations ended with them keep naming them, and per queue whether
 * a reason is required. Every change is recorded in the admin audit, in its own transaction.
 */

// A code's queues by name, so every list shows them alike.
const selectCodes = (db: Sql) =>
  typed(db)
    .selectFrom('wrap_up_codes as c')
    .select([
      'c.id',
      'c.name',
      'c.all_queues',
      'c.retired_at',
      sql<string[] | null>`ARRAY(SELECT wq.queue_id::text FROM wrap_up_code_queues wq JOIN queues q ON q.id = wq.queue_id
        WHERE wq.code_id = c.id ORDER BY q.name, q.id)`.as('queue_ids'),
    ]);

const fromRow = (r: InferResult<ReturnType<typeof selectCodes>>[number]): AdminWrapUpCode => ({
  id: r.id,
  name: r.name,
  allQueues: r.all_queues,
  queueIds: r.all_queues ? [] : (r.queue_ids ?? []),
  retired: r.retired_at !== null,
});

async function findCode(db: Sql, id: string): Promise<AdminWrapUpCode | null> {
  const row = await selectCodes(db).where('c.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Every code, those in use first, each group by name; and the queues that require a reason. */
export async function listAdminWrapUp(db: Sql): Promise<AdminWrapUp> {
  const codes = await selectCodes(db).orderBy(sql`c.retired_at IS NOT NULL`).orderBy(sql`lower(c.name)`).orderBy('c.id').execute();
  const required = await typed(db).selectFrom('queues').select('id').where('wrap_up_required', '=', true).orderBy('name').orderBy('id').execute();
  return { codes: codes.map(fromRow), requiredQueueIds: required.map((r) => r.id) };
}

/**
 * Checks that no other code in use has the name (ignoring case) and that the chosen queues exist;
 * returns the queues' names in `queueIds` order. Caller holds the admin lock.
 */
async function validateCode(tx: Sql, input: CreateWrapUpCodeRequest, inUse: boolean, selfId: string | null): Promise<Map<string, string>> {
  if (inUse) {
    const taken = await typed(tx)
      .selectFrom('wrap_up_codes')
      .select('id')
      .where('retired_at', 'is', null)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', eb.fn('lower', [eb.val(input.name)])))
      .$if(selfId !== null, (qb) => qb.where('id', '<>', selfId!))
      .executeTakeFirst();
    if (taken) throw fieldError('name', `A reason named ${input.name} is already in use. Choose another name.`, 'taken');
  }
  const queueIds = input.allQueues ? [] : [...new Set(input.queueIds.map((id) => id.toLowerCase()))];
  if (queueIds.some((id) => !UUID.test(id))) throw fieldError('queueIds', 'One of the chosen queues does not exist.', 'unknown_choice');
  const queues = await typed(tx).selectFrom('queues').select(['id', 'name']).where('id', '=', (eb) => eb.fn.any(eb.val(queueIds))).execute();
  if (queues.length !== queueIds.length) throw fieldError('queueIds', 'One of the chosen queues does not exist.', 'unknown_choice');
  const names = new Map(queues.map((q) => [q.id, q.name]));
  return new Map(queueIds.map((id) => [id, names.get(id)!]));
}

async function setCodeQueues(tx: Sql, codeId: string, queueIds: string[]): Promise<void> {
  await typed(tx).deleteFrom('wrap_up_code_queues').where('code_id', '=', codeId).execute();
  if (queueIds.length > 0) await typed(tx).insertInto('wrap_up_code_queues').values(queueIds.map((queue_id) => ({ code_id: codeId, queue_id }))).execute();
}

const where = (allQueues: boolean, queueNames: string[]) => (allQueues ? 'all queues' : [...queueNames].sort((a, b) => a.localeCompare(b)).join(', '));

/** Adds a code in use; recorded in the admin audit. */
export async function createWrapUpCode(db: Database, admin: User, input: CreateWrapUpCodeRequest): Promise<AdminWrapUpCode> {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const queues = await validateCode(tx, input, true, null);
    const { id } = await typed(tx).insertInto('wrap_up_codes').values({ name: input.name, all_queues: input.allQueues }).returning('id').executeTakeFirstOrThrow();
    await setCodeQueues(tx, id, [...queues.keys()]);
    const code = (await findCode(tx, id))!;
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: 'wrap_up_code.created',
      target: { kind: 'wrap_up_code', id, name: code.name },
      summary: `Added end reason ${code.name} (${where(code.allQueues, [...queues.values()])})`,
    });
    return code;
  });
}

/**
 * Replaces a code's name, queues and whether it is retired. Retiring keeps the row, so the
 * conversations ended with it keep their reason; bringing it back needs its name to be free.
 * Saving without a change records nothing.
 */
export async function updateWrapUpCode(db: Database, admin: User, id: string, input: UpdateWrapUpCodeRequest): Promise<AdminWrapUpCode> {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const before = await findCode(tx, id);
    if (!before) throw notFound('This wrap-up code');
    const queues = await validateCode(tx, input, !input.retired, id);
    await typed(tx)
      .updateTable('wrap_up_codes')
      .set({
        name: input.name,
        all_queues: input.allQueues,
        // A code retired again keeps the moment it was first retired.
        retired_at: input.retired ? sql`coalesce(retired_at, now())` : null,
      })
      .where('id', '=', id)
      .execute();
    await setCodeQueues(tx, id, [...queues.keys()]);
    const code = (await findCode(tx, id))!;

    const changes: string[] = [];
    if (before.name !== code.name) changes.push(`renamed from ${before.name}`);
    const queueNames = async (c: AdminWrapUpCode) =>
      c.allQueues ? 'all queues' : (await typed(tx).selectFrom('queues').select('name').where('id', '=', (eb) => eb.fn.any(eb.val(c.queueIds))).orderBy('name').execute()).map((q) => q.name).join(', ');
    const [wasIn, isIn] = [await queueNames(before), await queueNames(code)];
    if (wasIn !== isIn) changes.push(`queues ${wasIn} → ${isIn}`);
    if (!before.retired && code.retired) changes.push('retired');
    if (before.retired && !code.retired) changes.push('back in use');
    if (changes.length === 0) return code;

    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: code.retired && !before.retired ? 'wrap_up_code.retired' : 'wrap_up_code.updated',
      target: { kind: 'wrap_up_code', id, name: code.name },
      summary: `Changed end reason ${code.name}: ${changes.join('; ')}`,
    });
    return code;
  });
}

/** Whether ending a chat in the queue needs a reason; recorded in the admin audit when it changes. */
export async function setWrapUpRequired(db: Database, admin: User, queueId: string, required: boolean): Promise<AdminWrapUp> {
  await db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const queue = await typed(tx).selectFrom('queues').select(['name', 'wrap_up_required']).where('id', '=', queueId).executeTakeFirst();
    if (!queue) throw notFound('This queue');
    if (queue.wrap_up_required === required) return;
    await typed(tx).updateTable('queues').set({ wrap_up_required: required }).where('id', '=', queueId).execute();
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: required ? 'queue.wrap_up_required' : 'queue.wrap_up_optional',
      target: { kind: 'queue', id: queueId, name: queue.name },
      summary: required ? `Chats in ${queue.name} need an end reason` : `Chats in ${queue.name} may end without a reason`,
    });
  });
  return listAdminWrapUp(db);
}
