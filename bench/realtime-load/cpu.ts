import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU seconds (user + system) process `pid` used so far; 0 once it is gone. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the first, utime the 12th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine, all cores. */
function machineSeconds(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const ticks = cpu!.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  // idle and iowait
  const idle = ticks[3]! + (ticks[4] ?? 0);
  return { busy: (total - idle) / TICKS, total: total / TICKS };
}

export interface CpuShares {
  /** Each as % of one core over the window: the bench process (load generator and sockets). */
  generator: number;
  servers: number;
  /** Each server process's share, in the order of the pids given. */
  perServer: number[];
  /** The database's backends (PostgreSQL only; PGlite runs inside the server). */
  database: number;
  /** Everything else on the machine (other work sharing it). */
  rest: number;
  /** Cores of the machine, so 100 × cores is all of it. */
  cores: number;
  /** Length of the window. */
  seconds: number;
}

/**
 * Who used the CPU while `work` ran: this process, the server processes, the database backends
 * (`databasePids`, asked at the end so connections opened meanwhile count) and the rest.
 */
export async function measureCpu<T>(serverPids: number[], databasePids: () => Promise<number[]>, work: () => Promise<T>): Promise<{ result: T; cpu: CpuShares }> {
  const before = new Map<number, number>();
  for (const pid of [...serverPids, ...(await databasePids())]) before.set(pid, cpuSecondsOf(pid));
  const machine0 = machineSeconds();
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const seconds = (performance.now() - t0) / 1000;
  const self = process.cpuUsage(self0);
  const machine1 = machineSeconds();
  const used = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuSecondsOf(pid) - (before.get(pid) ?? 0), 0);
  const pct = (s: number) => (s / seconds) * 100;
  const generator = pct((self.user + self.system) / 1e6);
  const perServer = serverPids.map((pid) => pct(used([pid])));
  const servers = perServer.reduce((a, b) => a + b, 0);
  const database = pct(used(await databasePids()));
  const cores = (machine1.total - machine0.total) / seconds;
  const busy = pct(machine1.busy - machine0.busy);
  return { result, cpu: { generator, servers, perServer, database, rest: Math.max(0, busy - generator - servers - database), cores: Math.round(cores), seconds } };
}
