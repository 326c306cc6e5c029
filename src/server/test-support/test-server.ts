import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { z } from 'zod';
import type { HttpMethod } from '../../contract/api';
import { LoginResponseSchema, type User } from '../../contract/auth';
import { ConversationResponseSchema, type Conversation } from '../../contract/conversations';
import { ApiErrorSchema, type ApiErrorBody, type ErrorCode } from '../../contract/errors';
import type { RealtimeHello } from '../../contract/events';
import { SendMessageResponseSchema, type Message } from '../../contract/messages';
import { StartChatResponseSchema } from '../../contract/webchat';
import { buildApp, type AppDeps } from '../app';
import type { Database } from '../db/database';
import { seedDemoWorkspace } from '../db/seed';
import { hashPassword } from '../auth/passwords';
import type { ChannelWorker } from '../channels/channel-worker';
import type { ConnectionTracker } from '../presence/connection-tracker';
import type { PushService } from '../push/push-service';
import type { RealtimeHub } from '../realtime/hub';
import { getIdentitySecret, signCustomerId } from '../webchat/customer-identity';
import { createTestDatabase, type Backend, type TestDatabase } from './databases';
import { RealtimeTestClient, type RealtimeTestOptions } from './realtime-client';

/** Password of every seeded user (anna, ben: agents; sara: supervisor; adam: admin). */
export const DEMO_PASSWORD = 'demo-password-for-tests';

export type SeedUser = 'anna' | 'ben' | 'sara' | 'adam';
/** Support and Sales are picking queues; Billing offers (served by anna and ben). */
export type QueueName = 'Support' | 'Sales' | 'Billing';

/** A logged-in staff member. */
export interface Staff {
  token: string;
  user: User;
}

/** A customer's chat, as the web-chat page holds it. */
export interface Chat {
  token: string;
  conversationId: string;
  firstMessage: Message;
}

/** A bearer token, or anything that carries one. */
export type Auth = string | { token: string };

export interface RequestOptions {
  auth?: Auth;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, for malformed input. */
  payload?: string;
  headers?: Record<string, string>;
}

/** An HTTP answer with assertions that print the body when they fail. */
export class ApiResponse {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string | string[] | number | undefined>,
    readonly text: string,
  ) {}

  json(): unknown {
    return JSON.parse(this.text);
  }

  /** Asserts the status and parses the body with a contract schema. */
  expect<S extends z.ZodType>(status: number, schema: S): z.output<S> {
    expect(this.status, `${this.status} ${this.text}`).toBe(status);
    return schema.parse(this.json());
  }

  /** Asserts a 4xx with the given code and a message for people. */
  expectError(status: number, code: ErrorCode): ApiErrorBody {
    expect(this.status, `${this.status} ${this.text}`).toBe(status);
    const body = ApiErrorSchema.parse(this.json());
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(5);
    return body;
  }

  /** The Set-Cookie headers, as a list. */
  get setCookies(): string[] {
    const raw = this.headers['set-cookie'];
    return raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  }
}

const tokenOf = (auth: Auth) => (typeof auth === 'string' ? auth : auth.token);

export interface TestServerOptions {
  seed?: boolean;
  routing?: AppDeps['routing'];
  /** Other options of `buildApp` (origins, rate limits, timeouts, cookies, a log stream, a metrics token, retention). */
  app?: Partial<Omit<AppDeps, 'db' | 'routing'>>;
}

/** One server on one database, with the calls tests make again and again. */
export class TestServer {
  private readonly sessions = new Map<string, Promise<Staff>>();
  private readonly sockets = new Set<RealtimeTestClient>();
  private baseUrl: string | null = null;

  private constructor(
    readonly app: FastifyInstance,
    readonly hub: RealtimeHub,
    readonly db: Database,
    readonly queueIds: Record<QueueName, string>,
    /** Runs the routing sweep (expired offers, lost agents, waiting conversations) and resolves when done. */
    readonly sweepNow: () => Promise<void>,
    /** This instance's record of open staff sockets. */
    readonly connections: ConnectionTracker,
    /** Web Push: `push.dispatchNow()` decides and sends what is due. */
    readonly push: PushService,
    /** Applies channel callbacks and sends the channel outbox (see src/server/channels). */
    readonly channels: ChannelWorker,
    private readonly onClose: () => Promise<void>,
  ) {}

  /**
   * A server on a fresh database of `backend`, seeded with the demo workspace unless `seed` is
   * false. It never sweeps on its own unless `routing.sweepIntervalMs` says so: tests move time
   * in the database and call `sweepNow`.
   */
  static async start(backend: Backend, opts: TestServerOptions = {}): Promise<TestServer> {
    const testDb = await createTestDatabase(backend.kind);
    try {
      return await TestServer.onDatabase(testDb.db, { ...opts, seed: opts.seed ?? true, dispose: () => testDb.dispose() });
    } catch (err) {
      await testDb.dispose();
      throw err;
    }
  }

  /** A server on an existing database; `dispose` runs after the app has closed. */
  static async onDatabase(
    db: Database,
    opts: Omit<TestServerOptions, 'seed'> & { seed: boolean; dispose?: () => Promise<void> },
  ): Promise<TestServer> {
    if (opts.seed) await seedDemoWorkspace(db, DEMO_PASSWORD);
    const rows = await db.query<{ id: string; name: string }>('SELECT id, name FROM queues');
    const queueIds = Object.fromEntries(rows.map((r) => [r.name, r.id])) as Record<QueueName, string>;
    const { app, hub, sweepNow, connections, push, channels } = await buildApp({
      retention: { intervalMs: 0 },
      inactivityIntervalMs: 0,
      // Test files log in and start chats far more often than people do; tests of the limits set their own.
      rateLimitMultiplier: 1000,
      ...opts.app,
      db,
      routing: { sweepIntervalMs: 0, ...opts.routing },
    });
    return new TestServer(app, hub, db, queueIds, sweepNow, connections, push, channels, async () => {
      await opts.dispose?.();
    });
  }

  /** Starts listening on a random local port (for WebSockets) and returns the base URL. */
  async listen(): Promise<string> {
    if (!this.baseUrl) {
      await this.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = this.app.server.address() as AddressInfo;
      this.baseUrl = `http://127.0.0.1:${port}`;
    }
    return this.baseUrl;
  }

  async close(): Promise<void> {
    await Promise.all([...this.sockets].map((s) => s.close()));
    await this.app.close();
    await this.onClose();
  }

  async request(method: HttpMethod, url: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.auth !== undefined) headers.authorization = `Bearer ${tokenOf(opts.auth)}`;
    let payload: string | undefined = opts.payload;
    if (opts.body !== undefined) payload = JSON.stringify(opts.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await this.app.inject({ method, url, headers, payload });
    return new ApiResponse(res.statusCode, res.headers, res.body);
  }

  get(url: string, auth?: Auth) {
    return this.request('GET', url, { auth });
  }

  post(url: string, auth?: Auth, body?: unknown) {
    return this.request('POST', url, { auth, body });
  }

  /** Logs in afresh: a new session every call. */
  async login(username: SeedUser | (string & {}), password = DEMO_PASSWORD): Promise<Staff> {
    const res = await this.post('/api/auth/login', undefined, { username, password });
    return res.expect(200, LoginResponseSchema);
  }

  /** A session for `username`, shared by the tests of this server. */
  staff(username: SeedUser): Promise<Staff> {
    let session = this.sessions.get(username);
    if (!session) {
      session = this.login(username);
      this.sessions.set(username, session);
    }
    return session;
  }

  /**
   * A customer starts a chat into `queue`; asserts it was created. With `customerId` the start is
   * verified, as from an embedding site's signed link (a secret is set up when there is none), so
   * starts with the same id share one customer and their history.
   */
  async startChat(queue: QueueName, opts: { name?: string; email?: string; text?: string; customerId?: string } = {}): Promise<Chat> {
    const res = await this.post('/api/webchat/conversations', undefined, {
      queueId: this.queueIds[queue],
      name: opts.name ?? 'Test Customer',
      email: opts.email ?? `customer-${randomUUID()}@example.com`,
      text: opts.text ?? 'Hello, I need help.',
      clientMessageId: randomUUID(),
      ...(opts.customerId === undefined ? {} : { customerId: opts.customerId, signature: signCustomerId(await this.identitySecret(), opts.customerId) }),
    });
    const body = res.expect(201, StartChatResponseSchema);
    return { token: body.customerToken, conversationId: body.conversation.id, firstMessage: body.message };
  }

  /** The web-chat identity secret, set up directly in the database when there is none yet. */
  async identitySecret(): Promise<string> {
    await this.db.query("INSERT INTO webchat_identity (secret) VALUES (encode(sha256(gen_random_uuid()::text::bytea), 'hex')) ON CONFLICT DO NOTHING");
    return (await getIdentitySecret(this.db))!;
  }

  /** The customer writes; the raw answer, for tests that check refusals. */
  customerSend(chat: Chat, text: string, clientMessageId: string = randomUUID()) {
    return this.post('/api/webchat/messages', chat, { clientMessageId, text });
  }

  /** An agent writes into a conversation; the raw answer. */
  agentSend(staff: Staff, conversationId: string, text: string, clientMessageId: string = randomUUID()) {
    return this.post(`/api/conversations/${conversationId}/messages`, staff, { clientMessageId, text });
  }

  /** The customer writes and it must succeed. */
  async customerSays(chat: Chat, text: string): Promise<Message> {
    return (await this.customerSend(chat, text)).expect(201, SendMessageResponseSchema).message;
  }

  /** The agent writes and it must succeed. */
  async agentSays(staff: Staff, conversationId: string, text: string): Promise<Message> {
    return (await this.agentSend(staff, conversationId, text)).expect(201, SendMessageResponseSchema).message;
  }

  pick(staff: Staff, conversationId: string) {
    return this.post(`/api/conversations/${conversationId}/pick`, staff);
  }

  end(staff: Staff, conversationId: string) {
    return this.post(`/api/conversations/${conversationId}/end`, staff);
  }

  /** Picks and asserts the pick was won. */
  async picked(staff: Staff, conversationId: string): Promise<Conversation> {
    return (await this.pick(staff, conversationId)).expect(200, ConversationResponseSchema).conversation;
  }

  /** Opens a realtime socket and sends the hello frame; closed with the server. */
  async connect(hello: Omit<RealtimeHello, 'type'>, opts: RealtimeTestOptions = {}) {
    const baseUrl = await this.listen();
    const client = await RealtimeTestClient.connect(baseUrl, hello, opts);
    this.sockets.add(client);
    void client.closed.then(() => this.sockets.delete(client));
    return client;
  }
}

/**
 * Starts a server before the tests of the enclosing describe and closes it after them. The
 * returned object stands for that server; use it inside tests and hooks only.
 */
export function useTestServer(backend: Backend, opts: TestServerOptions = {}): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await TestServer.start(backend, opts);
  });
  afterAll(async () => {
    await server?.close();
  });
  return new Proxy({} as TestServer, {
    get(_, prop) {
      if (!server) throw new Error('The test server is only available inside tests (it starts in beforeAll).');
      const value = Reflect.get(server, prop, server) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(server) : value;
    },
  });
}

/**
 * Two listening server instances on one fresh PostgreSQL database, as behind a load balancer: each
 * has its own pool and LISTEN connection, so whatever reaches the other went through the database.
 * `a` is seeded with the demo workspace.
 */
export function useTwoInstances(): { readonly a: TestServer; readonly b: TestServer } {
  let testDb: TestDatabase | undefined;
  let a: TestServer | undefined;
  let b: TestServer | undefined;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    a = await TestServer.onDatabase(testDb.db, { seed: true });
    b = await TestServer.onDatabase(await testDb.openAnother(), { seed: false });
    await Promise.all([a.listen(), b.listen()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await testDb?.dispose();
  });
  return {
    get a() {
      return a!;
    },
    get b() {
      return b!;
    },
  };
}

/**
 * The demo workspace's staff: Anna (agent: Support, Billing), Ben (agent: Support, Sales, Billing),
 * Sara (supervisor) and Adam (admin).
 */
export type DemoStaff = Record<'anna' | 'ben' | 'sara' | 'adam', Staff>;

/**
 * Logs the demo's staff in before the file's tests, with `extraAgents` added first (each an agent
 * serving the queues named, e.g. `{ sam: ['Sales'] }`, shown as "Agent sam"); tests read them as
 * `demo.anna` or `demo.sam` once it has run.
 */
export function useDemoStaff<Extra extends string = never>(
  server: TestServer,
  extraAgents: Record<Extra, QueueName[]> = {} as Record<Extra, QueueName[]>,
): DemoStaff & Record<Extra, Staff> {
  const demo = {} as DemoStaff & Record<Extra, Staff>;
  beforeAll(async () => {
    const [anna, ben, sara, adam] = await Promise.all([server.staff('anna'), server.staff('ben'), server.staff('sara'), server.staff('adam')]);
    Object.assign(demo, { anna, ben, sara, adam });
    for (const [username, queues] of Object.entries<QueueName[]>(extraAgents)) Object.assign(demo, { [username]: await addAgent(server, username, queues) });
  });
  return demo;
}

/** Adds an agent who serves `queues` and logs them in. */
export async function addAgent(server: TestServer, username: string, queues: QueueName[]): Promise<Staff> {
  const [user] = await server.db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, 'agent', $3) RETURNING id`,
    [username, `Agent ${username}`, await hashPassword(DEMO_PASSWORD)],
  );
  for (const queue of queues) {
    await server.db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [server.queueIds[queue], user!.id]);
  }
  return server.login(username);
}
