import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { POSTGRES_URL } from './databases';
import { DEMO_PASSWORD } from './test-server';

/**
 * The real server (`src/server/main.ts`) as a child process on a PostgreSQL database of the
 * test's own: a crash then shows as an exit instead of taking the test runner with it.
 */
export class ServerProcess {
  /** Everything it printed, for assertions and for failure messages. */
  output = '';
  /** Set once it exited, by itself or when stopped. */
  exited: { code: number | null; signal: string | null } | null = null;
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.on('exit', (code, signal) => (this.exited = { code, signal }));
  }

  /** Starts it with the demo workspace on `database`; it is not necessarily ready yet. */
  static async start(database: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database}`;
    const port = await freePort();
    const child = spawn(resolve('node_modules/.bin/tsx'), ['src/server/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED: 'demo',
        DEMO_PASSWORD,
        CLIENT_DIR: '/nonexistent',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServerProcess(child, `http://127.0.0.1:${port}`);
  }

  /** True once `/api/ready` answers 200 (the database answers too). */
  async isReady(): Promise<boolean> {
    return (await fetch(`${this.baseUrl}/api/ready`).catch(() => null))?.status === 200;
  }

  /** SIGTERM, then SIGKILL if it does not stop in time. */
  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    await until('the server stopped', async () => this.exited !== null, 20_000).catch(() => this.child.kill('SIGKILL'));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
