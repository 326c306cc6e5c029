import type { HttpHandler } from 'msw';
import type { ChannelConfig } from '../contract/channels';
import type { User } from '../contract/auth';
import { adminRecords } from './admin-records';
import { requireAgent, viewConversation } from './access';
import { mockData, messagesOf } from './data';
import { fieldError, MockApiError, notFound } from './mock-errors';
import { route } from './route';
import { requireStaff } from './sessions';

/*
 * Messaging channels, as src/server/channels: the admins' list and form, and the agents' Retry.
 * The mocks receive no callbacks and send nothing, so their conversations are all web chats.
 */


function requireAdminCaller(ctx: Parameters<typeof requireStaff>[0]): User {
  const { user } = requireStaff(ctx);
  if (user.role !== 'admin') throw new MockApiError(403, 'forbidden', 'Only admins can manage queues and users.');
  return user;
}

function record(admin: User, action: string, channel: ChannelConfig, summary: string) {
  adminRecords().audit.push({
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
    actor: { id: admin.id, displayName: admin.displayName },
    action,
    target: { kind: 'channel', id: channel.id, name: channel.name },
    summary,
  });
}

function checked(input: { name: string; queueId: string }, selfId: string | null) {
  if (adminRecords().channels.some((c) => c.id !== selfId && c.name.toLowerCase() === input.name.toLowerCase())) {
    throw fieldError('name', `A channel named ${input.name} already exists. Choose another name.`, 'taken');
  }
  const queue = mockData.queues.find((q) => q.id === input.queueId);
  if (!queue) throw fieldError('queueId', 'This queue does not exist. Choose another one.', 'unknown_choice');
  return queue;
}

type ChannelRoute = 'adminChannels' | 'createChannel' | 'updateChannel' | 'retryMessage';

export const channelHandlers: { [R in ChannelRoute]: HttpHandler } = {
  adminChannels: route('adminChannels', (ctx) => {
    requireAdminCaller(ctx);
    return { channels: [...adminRecords().channels].sort((a, b) => a.name.localeCompare(b.name)) };
  }),

  createChannel: route('createChannel', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const queue = checked(ctx.body, null);
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    const { keySecret: _k, webhookSecret: _w, queueId: _q, ...fields } = ctx.body;
    const channel: ChannelConfig = {
      ...fields,
      id,
      provider: 'sinch',
      keySecretSet: true,
      webhookSecretSet: true,
      queue: { id: queue.id, name: queue.name },
      webhookPath: `/api/channels/${id}/webhook`,
      createdAt: now,
      updatedAt: now,
    };
    adminRecords().channels.push(channel);
    record(admin, 'channel.created', channel, `Connected ${channel.carries.join(', ')} in ${channel.region.toUpperCase()} into ${queue.name}`);
    ctx.setStatus(201);
    return { channel };
  }),

  updateChannel: route('updateChannel', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const existing = adminRecords().channels.find((c) => c.id === ctx.params.id);
    if (!existing) throw notFound('This channel');
    const queue = checked(ctx.body, existing.id);
    const { keySecret: _k, webhookSecret: _w, queueId: _q, ...fields } = ctx.body;
    const wasEnabled = existing.enabled;
    Object.assign(existing, fields, { queue: { id: queue.id, name: queue.name }, updatedAt: new Date().toISOString() });
    record(admin, wasEnabled && !existing.enabled ? 'channel.disabled' : 'channel.updated', existing, `${existing.carries.join(', ')} in ${existing.region.toUpperCase()} into ${queue.name}`);
    return { channel: existing };
  }),

  retryMessage: route('retryMessage', (ctx) => {
    const { user } = requireStaff(ctx);
    requireAgent(user);
    viewConversation(user, ctx.params.id);
    const message = messagesOf(ctx.params.id).find((m) => m.id === ctx.params.messageId);
    if (!message || message.authorId !== user.id || !message.delivery) throw notFound('This message');
    // As the server: a failed message goes back in line (the mocks have no channel to send it to).
    if (message.delivery.status === 'failed') message.delivery = { status: 'pending', error: null };
    return { message };
  }),
};
