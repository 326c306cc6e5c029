import { randomUUID } from 'node:crypto';
import { ConversationListSchema, ConversationResponseSchema, type Conversation, type ConversationView } from '../../contract/conversations';
import { MyPresenceResponseSchema, type ChosenPresence, type MyPresenceResponse } from '../../contract/presence';
import { SettingsResponseSchema, type RoutingSettings } from '../../contract/settings';
import { StartChatResponseSchema } from '../../contract/webchat';
import type { RealtimeTestClient } from './realtime-client';
import type { Chat, Staff, TestServer } from './test-server';
import { insertUser } from './transfers';

/** Helpers for the offer, presence and lost-agent tests. */

/** An offering queue of its own with fresh agents, so a test's offers meet nobody else's. */
export interface Team {
  queueId: string;
  name: string;
  agents: Staff[];
}

let teams = 0;

/** Creates an offering queue served by `size` new agents (logged in, offline until they connect). */
export async function makeTeam(server: TestServer, size: number, opts: { capacity?: number; mode?: 'offer' | 'pick' } = {}): Promise<Team> {
  const tag = `${++teams}-${randomUUID().slice(0, 8)}`;
  const name = `Team ${tag}`;
  const [queue] = await server.db.query<{ id: string }>(
    `INSERT INTO queues (name, address, routing_mode) VALUES ($1, $2, $3) RETURNING id`,
    [name, `team-${tag}@acme.example`, opts.mode ?? 'offer'],
  );
  const agents: Staff[] = [];
  for (let i = 0; i < size; i++) {
    const username = `agent-${tag}-${i}`;
    const id = await insertUser(server, username, { displayName: `Agent ${i} of ${name}` });
    await server.db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [queue!.id, id]);
    if (opts.capacity) await server.db.query('UPDATE users SET capacity = $2 WHERE id = $1', [id, opts.capacity]);
    agents.push(await server.login(username));
  }
  return { queueId: queue!.id, name, agents };
}

/** A customer starts a chat into a queue given by id; asserts it was created. */
export async function startChatIn(server: TestServer, queueId: string, text = 'Hello, I need help.'): Promise<Chat> {
  const res = await server.post('/api/webchat/conversations', undefined, {
    queueId,
    name: 'Offer Customer',
    email: `customer-${randomUUID()}@example.com`,
    text,
    clientMessageId: randomUUID(),
  });
  const body = res.expect(201, StartChatResponseSchema);
  return { token: body.customerToken, conversationId: body.conversation.id, firstMessage: body.message };
}

/** Opens a staff socket and waits until it is ready; from then on the agent counts as connected. */
export async function connectAgent(server: TestServer, staff: Staff): Promise<RealtimeTestClient> {
  const socket = await server.connect({ token: staff.token });
  await socket.ready();
  return socket;
}

/** Waits until `check` holds (the server acts on a closed socket a moment after the client sees it close). */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Still waiting after ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Closes the socket and waits until the server no longer counts it. */
export async function disconnect(server: TestServer, socket: RealtimeTestClient, staff: Staff, socketsLeft = 0): Promise<void> {
  await socket.close();
  await waitFor(async () => {
    const [row] = await server.db.query<{ n: number }>('SELECT COALESCE(sum(sockets), 0)::int AS n FROM staff_connections WHERE user_id = $1', [
      staff.user.id,
    ]);
    return row!.n === socketsLeft;
  }, `the server to record that ${staff.user.username} has ${socketsLeft} sockets`);
  await server.connections.settled();
}

/** Moves the agent's last sign of life `seconds` into the past, as if they had left that long ago. */
export async function lastSeenAgo(server: TestServer, staff: Staff, seconds: number): Promise<void> {
  await server.db.query('UPDATE users SET last_seen_at = now() - make_interval(secs => $2) WHERE id = $1', [staff.user.id, seconds]);
}

/** Lets the current offer of a conversation run out, as if its time had passed. */
export async function letOfferExpire(server: TestServer, conversationId: string): Promise<void> {
  await server.db.query(`UPDATE conversations SET offer_expires_at = now() - interval '1 second' WHERE id = $1 AND state = 'offered'`, [
    conversationId,
  ]);
}

export function accept(server: TestServer, staff: Staff, conversationId: string) {
  return server.post(`/api/conversations/${conversationId}/accept`, staff);
}

export function reject(server: TestServer, staff: Staff, conversationId: string) {
  return server.post(`/api/conversations/${conversationId}/reject`, staff);
}

export function putPresence(server: TestServer, auth: { token: string } | undefined, state: ChosenPresence | 'offline' | 'gone') {
  return server.request('PUT', '/api/presence', { auth, body: { state } });
}

export async function presenceOf(server: TestServer, staff: Staff): Promise<MyPresenceResponse> {
  return (await server.get('/api/presence', staff)).expect(200, MyPresenceResponseSchema);
}

export async function conversation(server: TestServer, staff: Staff, id: string): Promise<Conversation> {
  return (await server.get(`/api/conversations/${id}`, staff)).expect(200, ConversationResponseSchema).conversation;
}

export async function listView(server: TestServer, staff: Staff, view: ConversationView): Promise<Conversation[]> {
  return (await server.get(`/api/conversations?view=${view}`, staff)).expect(200, ConversationListSchema).conversations;
}

/** Changes routing settings as the admin. */
export async function setRoutingSettings(server: TestServer, changes: Partial<RoutingSettings>): Promise<void> {
  const adam = await server.staff('adam');
  const { settings } = (await server.get('/api/settings', adam)).expect(200, SettingsResponseSchema);
  const body = { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads, routing: { ...settings.routing, ...changes } };
  (await server.request('PUT', '/api/settings', { auth: adam, body })).expect(200, SettingsResponseSchema);
}

/** Every offer of a conversation with how it ended, in order. */
export async function offerRecord(server: TestServer, conversationId: string) {
  return server.db.query<{ agent_id: string; round: number; outcome: string | null }>(
    'SELECT agent_id, round, outcome FROM offers WHERE conversation_id = $1 ORDER BY offered_at, id',
    [conversationId],
  );
}
