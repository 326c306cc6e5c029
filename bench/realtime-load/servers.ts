import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { PASSWORD } from './seed';

/** A free local port, for each process the bench starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A child process serving HTTP on a free port: the real server, or the bare relay. Run as
 * `node --import tsx` (not the tsx command, a parent process) so the pid is the server itself,
 * for its memory, and a kill reaches it.
 */
export class ChildServer {
  private readonly errors: string[] = [];
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stderr!.on('data', (d: Buffer) => this.errors.push(d.toString()));
    child.on('exit', () => (this.exited = true));
  }

  static async start(script: string, env: Record<string, string>, readyPath: string, cwd = process.cwd()): Promise<ChildServer> {
    const port = await freePort();
    // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the servers.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
      cwd,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      // Request logs stay on: they are part of what the server costs. Nobody reads them here.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const server = new ChildServer(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (server.exited) throw new Error(`${script} exited while starting:\n${server.errors.join('').slice(-2000)}`);
      const res = await fetch(`${server.baseUrl}${readyPath}`).catch(() => null);
      if (res?.ok) return server;
      await sleep(200);
    }
    await server.stop();
    throw new Error(`${script} did not answer ${readyPath} within 90 s`);
  }

  /**
   * The product's server (`src/server/main.ts`) on PostgreSQL (`databaseUrl`) or PGlite in
   * `dataDir`. BENCH_SERVER_DIR runs another checkout's server under the same load (before/after).
   */
  static panel(db: { databaseUrl: string } | { dataDir: string }): Promise<ChildServer> {
    return ChildServer.start(
      'src/server/main.ts',
      {
        ...('databaseUrl' in db ? { DATABASE_URL: db.databaseUrl } : { DATA_DIR: db.dataDir, DATABASE_URL: '' }),
        SEED: 'demo',
        DEMO_PASSWORD: PASSWORD,
        CLIENT_DIR: '/nonexistent',
        // As the soak does: 500 chats from one address would otherwise hit the per-address limits.
        RATE_LIMIT_MULTIPLIER: '10000',
      },
      '/api/ready',
      process.env.BENCH_SERVER_DIR || process.cwd(),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resident memory of the process, in MiB (Linux). */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const stopped = await Promise.race([gone.then(() => true), sleep(15_000).then(() => false)]);
    if (!stopped) this.child.kill('SIGKILL');
  }
}
