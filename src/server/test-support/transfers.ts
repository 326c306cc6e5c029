import { ConversationListSchema, type Conversation } from '../../contract/conversations';
import { TransferResponseSchema, type TransferRequest, type TransferResponse, type TransferTarget } from '../../contract/transfers';
import { hashPassword } from '../auth/passwords';
import { DEMO_PASSWORD, type Auth, type QueueName, type Staff, type TestServer } from './test-server';

/** Helpers for the transfer and history-list tests. */

/** Adds a user who serves `queues` without logging them in; returns their id. */
export async function insertUser(
  server: TestServer,
  username: string,
  opts: { role?: 'agent' | 'supervisor' | 'admin'; queues?: QueueName[]; displayName?: string } = {},
): Promise<string> {
  const [user] = await server.db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
    [username, opts.displayName ?? `Agent ${username}`, opts.role ?? 'agent', await hashPassword(DEMO_PASSWORD)],
  );
  for (const queue of opts.queues ?? []) {
    await server.db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [server.queueIds[queue], user!.id]);
  }
  return user!.id;
}

/** Posts a transfer; the raw answer, for tests that check refusals. */
export function postTransfer(server: TestServer, auth: Auth | undefined, conversationId: string, body: TransferRequest | Record<string, unknown>) {
  return server.post(`/api/conversations/${conversationId}/transfer`, auth, body);
}

/** A transfer that must succeed. */
export async function transferTo(
  server: TestServer,
  staff: Staff,
  conversationId: string,
  target: TransferTarget,
  note?: string,
): Promise<TransferResponse> {
  return (await postTransfer(server, staff, conversationId, { target, note })).expect(200, TransferResponseSchema);
}

export const toQueue = (server: TestServer, queue: QueueName): TransferTarget => ({ kind: 'queue', queueId: server.queueIds[queue] });
export const toAgent = (staff: Staff | string): TransferTarget => ({
  kind: 'agent',
  agentId: typeof staff === 'string' ? staff : staff.user.id,
});

/** The ids in a staff member's picklist or own list. */
export async function listIds(server: TestServer, staff: Staff, view: 'picklist' | 'mine'): Promise<string[]> {
  const { conversations } = (await server.get(`/api/conversations?view=${view}`, staff)).expect(200, ConversationListSchema);
  return conversations.map((c: Conversation) => c.id);
}
