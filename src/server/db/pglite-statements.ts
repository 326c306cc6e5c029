import pgUtils from 'pg/lib/utils.js';

/*
 * Plans kept across executions on PGlite (issue 11). Every PGlite query is parsed and planned
 * afresh (its protocol uses the unnamed statement), and inside WebAssembly planning is much of
 * what a statement costs: the message send's one statement spends about 1 ms of its 2.5 ms
 * planning, part of it asking the file system for each table's and index's size. A statement
 * seen often is therefore prepared once (SQL PREPARE, session-wide: PGlite has one session) and
 * then run with EXECUTE, so PostgreSQL's plan cache decides, as it does for any driver's named
 * statements, when a generic plan can replace custom ones.
 *
 * EXECUTE takes its arguments as SQL, not as bound parameters, so they are written as quoted
 * literals with the pg driver's own escaping (arrays, dates and JSON formatted as pg sends them);
 * each literal is coerced by the prepared statement's parameter type, exactly as a bound text
 * parameter would be. Statements whose parameters are not plain values (bytes, for example) are
 * never prepared; nor is anything but a query (utility statements cannot be prepared).
 */

/** Runs `text` with `params` on PGlite and gives its rows. */
export type RunQuery = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Uses of one text before it is prepared: one-off statements (seeds, migrations) stay plain. */
export const PREPARE_AFTER = 3;
/** At most this many prepared statements; texts beyond it stay plain (no eviction to get wrong). */
export const MAX_PREPARED = 400;
/**
 * At most this many texts counted towards PREPARE_AFTER. A server that builds many different
 * texts (IN lists of every length, say) would otherwise grow the count forever; when it is full
 * it starts again, and a text used often reaches PREPARE_AFTER again within a few uses.
 */
export const MAX_COUNTED = 2000;

const PREPARABLE = /^\s*(select|insert|update|delete|with|values)\b/i;

const isPlain = (value: unknown): boolean =>
  value === null || value === undefined || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value) || (Array.isArray(value) && value.every(isPlain));

/** A parameter as a SQL literal: pg's text form of the value, quoted and escaped by pg. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text = pgUtils.prepareValue(value);
  return text === null ? 'NULL' : pgUtils.escapeLiteral(String(text));
}

/** Names unique in the process, whichever PGlite session they are prepared on. */
let preparedInProcess = 0;

export class PreparedStatements {
  /** Texts seen fewer than PREPARE_AFTER times, and how often. */
  private readonly uses = new Map<string, number>();
  private readonly names = new Map<string, string>();
  /** Texts PREPARE refused; they stay plain. */
  private readonly refused = new Set<string>();

  /** How many texts are being counted towards PREPARE_AFTER. */
  get countedTexts(): number {
    return this.uses.size;
  }

  /**
   * Runs the statement through `run`, prepared once it has been seen often enough. `run` is the
   * session's own, or the open transaction's (`inTransaction`): a prepared statement outlives
   * the transaction it was prepared in, even one rolled back.
   */
  async query<T>(run: RunQuery, text: string, params: unknown[] = [], inTransaction = false): Promise<T[]> {
    const name = await this.nameFor(run, text, params, inTransaction);
    if (!name) return run<T>(text, params);
    return run<T>(`EXECUTE ${name}${params.length > 0 ? `(${params.map(literal).join(', ')})` : ''}`);
  }

  private async nameFor(run: RunQuery, text: string, params: unknown[], inTransaction: boolean): Promise<string | null> {
    const known = this.names.get(text);
    if (known) return params.every(isPlain) ? known : null;
    if (this.refused.has(text) || !PREPARABLE.test(text) || !params.every(isPlain) || this.names.size >= MAX_PREPARED) return null;
    const uses = (this.uses.get(text) ?? 0) + 1;
    if (uses === 1 && this.uses.size >= MAX_COUNTED) this.uses.clear();
    this.uses.set(text, uses);
    if (uses < PREPARE_AFTER) return null;
    this.uses.delete(text);
    const name = `cp_statement_${++preparedInProcess}`;
    // In a transaction, a refused PREPARE must not abort the caller's work: a savepoint takes it back.
    if (inTransaction) await run('SAVEPOINT cp_prepare');
    try {
      await run(`PREPARE ${name} AS ${text}`);
      if (inTransaction) await run('RELEASE SAVEPOINT cp_prepare');
    } catch {
      if (inTransaction) await run('ROLLBACK TO SAVEPOINT cp_prepare');
      // The plain query below then gives the statement's own error, if it has one.
      this.refused.add(text);
      return null;
    }
    this.names.set(text, name);
    return name;
  }
}
