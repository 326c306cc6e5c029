import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The soak's own database on the shared PostgreSQL server: created fresh, dropped at the end.
 * Administrative statements (create, drop, terminate) run from the server's `postgres` database,
 * so terminating the soak database's backends never cuts the soak's own connection.
 */
export class SoakDatabase {
  readonly name = `soak_${randomBytes(4).toString('hex')}`;
  readonly url: string;

  private constructor(private readonly serverUrl: string) {
    const url = new URL(serverUrl);
    url.pathname = `/${this.name}`;
    this.url = url.toString();
  }

  static async create(serverUrl: string): Promise<SoakDatabase> {
    const db = new SoakDatabase(serverUrl);
    await db.admin(`CREATE DATABASE ${db.name}`);
    return db;
  }

  /** Cuts every connection the instances hold to the soak database; returns how many. */
  async terminateBackends(): Promise<number> {
    const [row] = await this.admin<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [this.name],
    );
    return row?.n ?? 0;
  }

  /** A query on the soak database itself, for the checks. */
  async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.run<T>(this.url, sql, params);
  }

  async drop(): Promise<void> {
    await this.admin(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }

  private admin<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.run<T>(this.serverUrl, sql, params);
  }

  private async run<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[]): Promise<T[]> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    // A terminated or failing connection must not take the soak down with it.
    client.on('error', () => {});
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end().catch(() => {});
    }
  }
}
