import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, describePostgresOnly, type TestDatabase } from '../test-support/databases';
import { migrate } from './migrate';
import { migrations, type Migration } from './migrations';

describe('the migration files', () => {
  it('are all listed, in ascending order of the id their file is named after', () => {
    const files = readdirSync(new URL('./migrations', import.meta.url)).filter((f) => /^\d+-.+\.ts$/.test(f));
    expect(migrations.map((m) => m.id)).toEqual(files.map((f) => Number(f.split('-')[0])).sort((a, b) => a - b));
    expect(migrations.every((m, i) => i === 0 || m.id > migrations[i - 1]!.id)).toBe(true);
  });
});

const table = (id: number, extra = ''): Migration => ({ id, name: `test table ${id}`, sql: `CREATE TABLE migrate_test_${id} (x int); ${extra}` });
const applied = async (db: TestDatabase['db'], ids: number[]) =>
  (await db.query<{ id: number }>('SELECT id FROM schema_migrations WHERE id = ANY($1::int[]) ORDER BY id', [ids])).map((r) => r.id);
const tableExists = async (db: TestDatabase['db'], id: number) =>
  (await db.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`migrate_test_${id}`]))[0]!.t !== null;

describeEachBackend('migrate', (backend) => {
  let t: TestDatabase;
  afterEach(async () => t?.dispose());

  // A fresh database and a second migration run: more than the default time on a busy machine.
  it('runs each migration in its own transaction: a failing one keeps those before it and leaves no trace of itself', async () => {
    t = await createTestDatabase(backend.kind);
    const broken = table(9002, 'SELECT 1 / 0;');
    await expect(migrate(t.db, [...migrations, table(9001), broken, table(9003)])).rejects.toThrow();
    expect(await applied(t.db, [9001, 9002, 9003])).toEqual([9001]);
    expect(await tableExists(t.db, 9001)).toBe(true);
    expect(await tableExists(t.db, 9002)).toBe(false);

    // Fixed, the run goes on from where it stopped; what was applied is not applied again.
    await migrate(t.db, [...migrations, table(9001), table(9002), table(9003)]);
    expect(await applied(t.db, [9001, 9002, 9003])).toEqual([9001, 9002, 9003]);
  }, 90_000);
});

describePostgresOnly('migrate from several instances at once', () => {
  let t: TestDatabase;
  afterEach(async () => t?.dispose());

  it('applies each migration once, whichever instance gets there first', async () => {
    t = await createTestDatabase('postgres');
    const others = await Promise.all([t.openAnother(), t.openAnother(), t.openAnother()]);
    // CREATE TABLE without IF NOT EXISTS: applied twice, it would fail.
    const pending = [...migrations, table(9101), table(9102), table(9103)];
    await Promise.all([t.db, ...others].map((db) => migrate(db, pending)));
    expect(await applied(t.db, [9101, 9102, 9103])).toEqual([9101, 9102, 9103]);
  });
});
