import { randomUUID } from 'node:crypto';
import {
  AdminQueueResponseSchema,
  AdminUserResponseSchema,
  type AdminQueue,
  type AdminUser,
  type CreateUserRequest,
  type SaveQueueRequest,
  type UpdateUserRequest,
} from '../../contract/admin';
import { StartChatResponseSchema } from '../../contract/webchat';
import type { Auth, Chat, Staff, TestServer } from './test-server';

/** Helpers for the supervision and administration tests. */

/** A fresh name, so tests sharing one server never collide. */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export function postQueue(server: TestServer, auth: Auth | undefined, body: SaveQueueRequest | Record<string, unknown>) {
  return server.post('/api/admin/queues', auth, body);
}

export function putQueue(server: TestServer, auth: Auth | undefined, id: string, body: SaveQueueRequest | Record<string, unknown>) {
  return server.request('PUT', `/api/admin/queues/${id}`, { auth, body });
}

/** An admin creates a queue; it must succeed. */
export async function createdQueue(server: TestServer, admin: Staff, input: Partial<SaveQueueRequest> = {}): Promise<AdminQueue> {
  const name = input.name ?? unique('Queue');
  const body: SaveQueueRequest = {
    name,
    address: input.address ?? `${name.toLowerCase()}@acme.example`,
    routingMode: input.routingMode ?? 'pick',
    agentIds: input.agentIds ?? [],
    openingHours: input.openingHours ?? null,
    leaveMessage: input.leaveMessage ?? false,
    maxWaiting: input.maxWaiting ?? null,
  };
  return (await postQueue(server, admin, body)).expect(201, AdminQueueResponseSchema).queue;
}

export function postUser(server: TestServer, auth: Auth | undefined, body: CreateUserRequest | Record<string, unknown>) {
  return server.post('/api/admin/users', auth, body);
}

export function putUser(server: TestServer, auth: Auth | undefined, id: string, body: UpdateUserRequest | Record<string, unknown>) {
  return server.request('PUT', `/api/admin/users/${id}`, { auth, body });
}

/** An admin creates a user (an agent by default, password `password`); it must succeed. */
export async function createdUser(
  server: TestServer,
  admin: Staff,
  input: Partial<CreateUserRequest> = {},
): Promise<AdminUser & { password: string }> {
  const username = input.username ?? unique('user');
  const body: CreateUserRequest = {
    username,
    password: input.password ?? 'a-long-enough-password',
    displayName: input.displayName ?? `User ${username}`,
    role: input.role ?? 'agent',
    capacity: input.capacity ?? 5,
    queueIds: input.queueIds ?? [],
  };
  const { user } = (await postUser(server, admin, body)).expect(201, AdminUserResponseSchema);
  return { ...user, password: body.password };
}

/** The fields of a user as PUT takes them, with `changes` applied. */
export function userUpdate(user: AdminUser, changes: Partial<UpdateUserRequest> = {}): UpdateUserRequest {
  return {
    displayName: user.displayName,
    role: user.role,
    capacity: user.capacity,
    queueIds: user.queueIds,
    disabled: user.disabled,
    ...changes,
  };
}

/** A customer starts a chat into any queue, by id; it must succeed. */
export async function startChatIn(server: TestServer, queueId: string, text = 'Hello, I need help.'): Promise<Chat> {
  const res = await server.post('/api/webchat/conversations', undefined, {
    queueId,
    name: 'Queue Customer',
    email: `customer-${randomUUID()}@example.com`,
    text,
    clientMessageId: randomUUID(),
  });
  const body = res.expect(201, StartChatResponseSchema);
  return { token: body.customerToken, conversationId: body.conversation.id, firstMessage: body.message };
}
