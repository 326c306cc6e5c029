/**
 * What a soak run does, from flags (`--short`, `--duration=90`, `--customers=8`…) and the same
 * names as SOAK_* environment variables (`SOAK_DURATION=90`). Flags win over the environment.
 */
export interface SoakOptions {
  /** How long customers and agents send, in seconds; faults are spread over this time. */
  duration: number;
  /** Customers chatting at once; one who finishes is replaced by a new one. */
  customers: number;
  /** Messages each customer sends, the first one starting the chat. */
  messagesPerCustomer: number;
  /** Mean pause between a customer's messages, in milliseconds. */
  customerPauseMs: number;
  /** Realtime sockets per agent (anna and ben); the first one acts, the others only watch. */
  agentDevices: number;
  /** How often each fault is injected during the run. */
  kills: number;
  socketDrops: number;
  databaseTerminations: number;
  /** The longest the soak waits for everything to settle after the load stops, in seconds. */
  settle: number;
  /** The two instances listen on basePort and basePort + 1. */
  basePort: number;
  /** PostgreSQL server (the soak creates and drops its own database there). */
  postgresUrl: string;
}

const DEFAULTS: SoakOptions = {
  duration: 120,
  customers: 10,
  messagesPerCustomer: 15,
  customerPauseMs: 900,
  agentDevices: 2,
  kills: 4,
  socketDrops: 6,
  databaseTerminations: 3,
  settle: 45,
  basePort: 8260,
  postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
};

/** A quick check: every fault at least twice, in well under a minute of load. */
const SHORT: Partial<SoakOptions> = {
  duration: 35,
  customers: 6,
  messagesPerCustomer: 8,
  kills: 2,
  socketDrops: 3,
  databaseTerminations: 2,
  settle: 30,
};

const NAMES: Record<keyof SoakOptions, string> = {
  duration: 'duration',
  customers: 'customers',
  messagesPerCustomer: 'messages',
  customerPauseMs: 'pause-ms',
  agentDevices: 'agent-devices',
  kills: 'kills',
  socketDrops: 'socket-drops',
  databaseTerminations: 'db-terminations',
  settle: 'settle',
  basePort: 'base-port',
  postgresUrl: 'postgres-url',
};

export const USAGE = `npm run soak -- [--short] ${Object.values(NAMES)
  .map((n) => `[--${n}=…]`)
  .join(' ')}
Each option may also be set as SOAK_<NAME> in the environment (e.g. SOAK_DURATION=60, SOAK_SHORT=1).`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): SoakOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}\n${USAGE}`);
    flags.set(match[1]!, match[2] ?? 'true');
  }
  const lookup = (name: string) => flags.get(name) ?? env[`SOAK_${name.toUpperCase().replaceAll('-', '_')}`];
  const short = ['1', 'true'].includes(lookup('short') ?? '');
  const options: SoakOptions = { ...DEFAULTS, ...(short ? SHORT : {}) };
  const known = new Set(['short', 'help', ...Object.values(NAMES)]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`Unknown option --${name}\n${USAGE}`);
  if (flags.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  for (const key of Object.keys(NAMES) as (keyof SoakOptions)[]) {
    const raw = lookup(NAMES[key]);
    if (raw === undefined) continue;
    if (key === 'postgresUrl') {
      options.postgresUrl = raw;
      continue;
    }
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${NAMES[key]} must be a non-negative number, got ${raw}`);
    options[key] = value;
  }
  if (options.customers < 1 || options.messagesPerCustomer < 1 || options.agentDevices < 1) {
    throw new Error('--customers, --messages and --agent-devices must be at least 1');
  }
  return options;
}
