import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const STARTUP_DEADLINE_MS = 90_000;
const LOG_LINES_KEPT = 40;

/** Something the soak saw an instance do by itself, for the report. */
export interface Crash {
  instance: string;
  /** Seconds since the soak started. */
  at: number;
  exit: string;
  /** The instance's last output lines before it died. */
  log: string[];
}

/**
 * One server process. It runs as `node --import tsx src/server/main.ts` rather than through the
 * `tsx` command, because that command is a parent process: a kill -9 would hit the parent and
 * leave the real server running as an orphan.
 */
export class Instance {
  readonly baseUrl: string;
  /** True from a successful health check until the process is killed or dies. */
  up = false;
  kills = 0;
  restarts = 0;
  private child: ChildProcess | null = null;
  private killing = false;
  private readonly log: string[] = [];
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly onCrash: (crash: Crash) => void,
    private readonly clock: () => number,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  get running() {
    return this.child !== null;
  }

  /** Starts the process and resolves once it answers its health check. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.killing = false;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) this.log.push(line);
      this.log.splice(0, Math.max(0, this.log.length - LOG_LINES_KEPT));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.up = false;
        this.child = null;
        if (!this.killing) {
          this.onCrash({ instance: this.name, at: this.clock(), exit: signal ? `signal ${signal}` : `exit code ${code}`, log: [...this.log] });
        }
        resolve();
      });
    });
    const deadline = Date.now() + STARTUP_DEADLINE_MS;
    while (Date.now() < deadline) {
      if (this.child !== child) throw new Error(`${this.name} exited while starting:\n${this.log.join('\n')}`);
      if (await this.healthy()) {
        this.up = true;
        return;
      }
      await sleep(250);
    }
    throw new Error(`${this.name} did not answer /api/health within ${STARTUP_DEADLINE_MS / 1000} s:\n${this.log.join('\n')}`);
  }

  async restart(): Promise<void> {
    this.restarts++;
    await this.start();
  }

  /** kill -9, as a power cut or the OOM killer would; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.killing = true;
    this.up = false;
    this.kills++;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** For the end of the run and for emergencies: no crash is recorded. */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.killing = true;
    this.up = false;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** For the soak's own sudden exit: no child outlives it. */
  killNow(): void {
    this.killing = true;
    this.child?.kill('SIGKILL');
  }

  private async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      return res.ok;
    } catch {
      return false;
    }
  }
}

/**
 * Plays the load balancer: hands out a live instance for each request or socket, taking turns,
 * and never one the soak knows to be down.
 */
export class Balancer {
  private turn = 0;

  constructor(readonly instances: Instance[]) {}

  /** A live instance's base URL, or null while none is up. */
  next(): string | null {
    const live = this.instances.filter((i) => i.up);
    if (live.length === 0) return null;
    return live[this.turn++ % live.length]!.baseUrl;
  }
}
