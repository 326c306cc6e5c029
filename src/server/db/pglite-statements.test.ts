import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COUNTED, PREPARE_AFTER, PreparedStatements, type RunQuery } from './pglite-statements';

describe('Prepared statements on PGlite', () => {
  let db: PGlite;
  const runOn =
    (session: Pick<PGlite, 'query'>): RunQuery =>
    async <T>(text: string, params?: unknown[]) =>
      (await session.query<T>(text, params)).rows;
  const prepared = async () => (await db.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((r) => r.statement);

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec('CREATE TABLE notes (id serial PRIMARY KEY, owner uuid, tags text[], body text, at timestamptz, n int, ok boolean)');
  });
  afterAll(() => db.close());

  it('prepares a statement once it is used often, and its answers stay those of the plain query', async () => {
    const statements = new PreparedStatements();
    const text = 'SELECT $1::int + $2::int AS sum';
    for (let i = 1; i <= PREPARE_AFTER + 2; i++) {
      expect(await statements.query<{ sum: number }>(runOn(db), text, [i, 10])).toEqual([{ sum: i + 10 }]);
      expect((await prepared()).some((s) => s.includes('$1::int + $2::int')), `use ${i}`).toBe(i >= PREPARE_AFTER);
    }
  });

  it('passes every kind of value the server binds exactly as a bound parameter would', async () => {
    const statements = new PreparedStatements();
    const insert = 'INSERT INTO notes (owner, tags, body, at, n, ok) VALUES ($1, $2::text[], $3, $4, $5, $6) RETURNING owner, tags, body, at, n, ok';
    const awkward = [
      ["it's", 'back\\slash', 'comma, "quoted"', '{braces}', 'NULL', 'ünïcödé ✓', ''],
      ['line\nbreak', "O'Brien", '\\x00'],
      [null as unknown as string, 'after a null'],
    ];
    for (const [i, tags] of awkward.entries()) {
      const values = ['6f1c1a52-7d0b-4b8e-9a57-1f0c2d3e4f5a', tags, `${tags.join('|')} ${i}`, new Date(Date.UTC(2026, 11, 2, 10, i)), -i, i % 2 === 0];
      const bound = (await db.query(insert, values)).rows;
      // Used PREPARE_AFTER times so the last runs as EXECUTE with literals.
      let viaStatements: unknown[] = [];
      for (let k = 0; k < PREPARE_AFTER; k++) viaStatements = await statements.query(runOn(db), insert, values);
      expect(viaStatements).toEqual(bound);
    }
    expect((await prepared()).some((s) => s.includes('INSERT INTO notes'))).toBe(true);
  });

  it('leaves alone what it cannot prepare: bytes, utility statements, and texts PREPARE refuses', async () => {
    const statements = new PreparedStatements();
    const before = (await prepared()).length;
    for (let k = 0; k < PREPARE_AFTER + 1; k++) {
      expect(await statements.query<{ n: number }>(runOn(db), 'SELECT length($1::bytea) AS n', [Buffer.from([0, 1, 2])])).toEqual([{ n: 3 }]);
      await statements.query(runOn(db), 'SET statement_timeout = 0');
    }
    expect((await prepared()).length).toBe(before);
  });

  it('a PREPARE refused inside a transaction does not break the transaction', async () => {
    const statements = new PreparedStatements();
    const text = 'SELECT $1::text AS v';
    const rows = await db.transaction(async (tx) => {
      const run = runOn(tx);
      // The session refuses this PREPARE for real (an error inside the transaction, which would
      // abort it), as it would refuse a statement that cannot be prepared.
      const refusing: RunQuery = (t, p) => (t.startsWith('PREPARE') ? run(`${t} AND`, p) : run(t, p));
      const answers = [];
      for (let k = 0; k < PREPARE_AFTER + 1; k++) answers.push(...(await statements.query(refusing, text, ['x'], true)));
      return [...answers, ...(await tx.query<{ n: number }>('SELECT 41 + 1 AS n')).rows];
    });
    expect(rows).toEqual([...Array.from({ length: PREPARE_AFTER + 1 }, () => ({ v: 'x' })), { n: 42 }]);
    expect((await prepared()).some((s) => s.includes('SELECT $1::text AS v'))).toBe(false);
  });

  it('counts a bounded number of texts, and still prepares the ones used often', async () => {
    const statements = new PreparedStatements();
    // Texts that differ each time, as IN lists of every length would be.
    for (let n = 1; n <= MAX_COUNTED * 2; n++) await statements.query(runOn(db), `SELECT ${n} AS n WHERE $1::int > 0`, [1]);
    expect(statements.countedTexts).toBeLessThanOrEqual(MAX_COUNTED);
    const text = 'SELECT $1::int * 2 AS twice';
    for (let k = 0; k < PREPARE_AFTER; k++) expect(await statements.query(runOn(db), text, [k])).toEqual([{ twice: k * 2 }]);
    expect((await prepared()).some((s) => s.includes('$1::int * 2'))).toBe(true);
  });
});
