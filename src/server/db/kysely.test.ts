import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from './database';
import { typed } from './kysely';
import { migrate } from './migrate';

describe('typed(sql)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(null);
    await migrate(db);
  });
  afterAll(() => db.close());

  it('runs its statements through Sql.query, on the database and inside our transactions', async () => {
    const queue = await typed(db).insertInto('queues').values({ name: 'Sales', address: 'sales@x' }).returning(['id', 'name']).executeTakeFirstOrThrow();
    expect(queue.name).toBe('Sales');
    const signalled: string[] = [];
    db.onCommitSignal('queues', () => signalled.push('queues'));
    await db.transaction(async (tx) => {
      await typed(tx).updateTable('queues').set({ name: 'Sales 2' }).where('id', '=', queue.id).execute();
      tx.signalAfterCommit?.('queues');
      expect(signalled).toEqual([]);
    });
    expect(signalled).toEqual(['queues']);
    const rolledBack = db.transaction(async (tx) => {
      await typed(tx).updateTable('queues').set({ name: 'Lost' }).where('id', '=', queue.id).execute();
      throw new Error('undo');
    });
    await expect(rolledBack).rejects.toThrow('undo');
    const row = await typed(db).selectFrom('queues').select('name').where('id', '=', queue.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Sales 2');
  });

  it('refuses Kysely transactions, which would bypass commit signals', async () => {
    await expect(typed(db).transaction().execute(async () => {})).rejects.toThrow(/Database.transaction/);
  });

  it('costs next to nothing per call: one builder per Sql object', () => {
    expect(typed(db)).toBe(typed(db));
  });
});
