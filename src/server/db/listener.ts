import pg from 'pg';

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

interface Subscription {
  channel: string;
  onMessage: (payload: string) => void;
  onRestored?: () => void;
}

/**
 * The one long-lived connection an instance LISTENs on (LISTEN cannot go through the pool). When
 * it is lost (the backend was terminated, the server restarted, the network dropped) it comes
 * back by itself with backoff, LISTENs again on every channel, and then tells each subscriber
 * that notifications may have been missed meanwhile, so they re-read what those would announce.
 */
export class Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscriptions = new Set<Subscription>();
  private retryTimer: NodeJS.Timeout | undefined;
  private attempts = 0;
  private closed = false;
  /** LISTEN and UNLISTEN run one at a time on the connection. */
  private commands: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connectionString: string,
    private readonly onError: (err: Error) => void,
  ) {}

  /** Subscribes; resolves once the channel is listened on (throws if the database cannot be reached now). */
  async listen(channel: string, onMessage: (payload: string) => void, onRestored?: () => void): Promise<() => Promise<void>> {
    const subscription: Subscription = { channel, onMessage, onRestored };
    this.subscriptions.add(subscription);
    try {
      if (this.client) await this.command(`LISTEN ${pg.escapeIdentifier(channel)}`);
      else await this.connect();
    } catch (err) {
      this.subscriptions.delete(subscription);
      throw err;
    }
    return async () => {
      this.subscriptions.delete(subscription);
      if (![...this.subscriptions].some((s) => s.channel === channel)) {
        await this.command(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private command(sql: string): Promise<unknown> {
    const run = this.commands.then(() => this.client?.query(sql));
    this.commands = run.catch(() => {});
    return run;
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5000, keepAlive: true });
    // Without a listener an 'error' event would crash the process; the 'end' that follows reconnects.
    client.on('error', (err) => this.onError(err));
    client.on('notification', (n) => {
      for (const s of this.subscriptions) if (s.channel === n.channel) s.onMessage(n.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of new Set([...this.subscriptions].map((s) => s.channel))) {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    if (this.closed) return void (await client.end().catch(() => {}));
    client.on('end', () => this.lost(client));
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    console.error('PostgreSQL LISTEN connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempts) * (0.75 + Math.random() / 2);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => void this.reconnect(), delay);
    this.retryTimer.unref();
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.connect();
    } catch (err) {
      console.error(`PostgreSQL LISTEN reconnect failed (${(err as Error).message}); retrying`);
      return this.scheduleReconnect();
    }
    if (this.closed) return;
    this.attempts = 0;
    console.log('PostgreSQL LISTEN connection restored');
    // Everything notified while the connection was down is lost: subscribers catch up themselves.
    for (const s of this.subscriptions) s.onRestored?.();
  }
}
