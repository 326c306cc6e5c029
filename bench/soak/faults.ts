import { setTimeout as sleep } from 'node:timers/promises';
import type { SoakDatabase } from './database';
import type { Instance } from './instances';
import type { SoakSocket } from './realtime';

type FaultKind = 'kill' | 'drop-sockets' | 'terminate-database';

/** How long a killed instance stays down before it is started again. */
const DOWN_MS = 1500;
const BOTH_UP_DEADLINE_MS = 90_000;

/**
 * Injects the faults at evenly spread moments of the load, interleaving the kinds: kill -9 of
 * each instance in turn (restarted after a moment, and only while the other is up, so the
 * service as a whole stays available), dropping a third of the open client sockets, and
 * terminating every database connection of the soak's database.
 */
export class FaultInjector {
  readonly log: string[] = [];
  socketsDropped = 0;
  backendsTerminated = 0;
  terminations = 0;
  dropRounds = 0;
  private killTurn = 0;
  private readonly restarts: Promise<void>[] = [];

  constructor(
    private readonly instances: Instance[],
    private readonly database: SoakDatabase,
    private readonly sockets: () => SoakSocket[],
    private readonly clock: () => number,
  ) {}

  /** Runs the schedule over `durationMs`; resolves when the last fault is done and restarted. */
  async run(counts: Record<FaultKind, number>, durationMs: number, stopped: () => boolean): Promise<void> {
    const schedule = interleave(counts);
    const start = Date.now();
    for (let i = 0; i < schedule.length; i++) {
      const at = start + ((i + 1) * durationMs) / (schedule.length + 1);
      while (Date.now() < at && !stopped()) await sleep(Math.min(250, at - Date.now()));
      if (stopped()) break;
      await this.inject(schedule[i]!);
    }
    await Promise.all(this.restarts);
  }

  private async inject(kind: FaultKind): Promise<void> {
    const t = () => this.clock().toFixed(1);
    if (kind === 'kill') {
      const victim = this.instances[this.killTurn++ % this.instances.length]!;
      await this.waitAllUp();
      await victim.kill();
      this.log.push(`${t()}s kill -9 ${victim.name}`);
      this.restarts.push(
        sleep(DOWN_MS)
          .then(() => victim.restart())
          .then(
            () => void this.log.push(`${t()}s ${victim.name} restarted and healthy`),
            (err: unknown) => void this.log.push(`${t()}s restart of ${victim.name} failed: ${String(err)}`),
          ),
      );
    } else if (kind === 'drop-sockets') {
      // Right after a kill every socket may be reconnecting; drop some that are connected.
      const readyBy = Date.now() + BOTH_UP_DEADLINE_MS;
      while (!this.sockets().some((s) => s.open && s.isReady) && Date.now() < readyBy) await sleep(200);
      const open = this.sockets().filter((s) => s.open && s.isReady);
      const victims = open.sort(() => Math.random() - 0.5).slice(0, Math.max(1, Math.round(open.length / 3)));
      for (const socket of victims) socket.drop();
      this.socketsDropped += victims.length;
      this.dropRounds++;
      this.log.push(`${t()}s dropped ${victims.length} of ${open.length} sockets`);
    } else {
      const n = await this.database.terminateBackends();
      this.backendsTerminated += n;
      this.terminations++;
      this.log.push(`${t()}s terminated ${n} database connections`);
    }
  }

  private async waitAllUp(): Promise<void> {
    const deadline = Date.now() + BOTH_UP_DEADLINE_MS;
    while (!this.instances.every((i) => i.up) && Date.now() < deadline) await sleep(200);
  }
}

/** The faults in an order that mixes the kinds: k1, d1, t1, k2, d2, … as far as each count goes. */
function interleave(counts: Record<FaultKind, number>): FaultKind[] {
  const out: FaultKind[] = [];
  const most = Math.max(...Object.values(counts));
  for (let i = 0; i < most; i++) for (const kind of ['kill', 'drop-sockets', 'terminate-database'] as const) if (i < counts[kind]) out.push(kind);
  return out;
}
