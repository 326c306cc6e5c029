import type { HttpHandler } from 'msw';
import type { User } from '../contract/auth';
import { DEFAULT_PROMPTS, type QueuePrompts } from '../contract/prompts';
import { promptChanges } from '../domain/prompt-changes';
import { recordAdminAction } from './admin-records';
import { mockData } from './data';
import { publishWorkspace } from './event-log';
import { MockApiError, notFound } from './mock-errors';
import { route } from './route';
import { requireStaff } from './sessions';

/** A queue's chat prompts as the server keeps them: what was saved, the defaults for the rest. */
const promptsOf = (queueId: string): QueuePrompts => ({ ...DEFAULT_PROMPTS, ...mockData.queuePrompts.get(queueId) });

function requireAdmin(ctx: Parameters<typeof requireStaff>[0]): User {
  const { user } = requireStaff(ctx);
  if (user.role !== 'admin') throw new MockApiError(403, 'forbidden', 'Only admins can manage queues and users.');
  return user;
}

function existingQueue(id: string) {
  const queue = mockData.queues.find((q) => q.id === id);
  if (!queue) throw notFound('This queue');
  return queue;
}

export const promptHandlers: { [R in 'queuePrompts' | 'saveQueuePrompts']: HttpHandler } = {
  queuePrompts: route('queuePrompts', (ctx) => {
    requireAdmin(ctx);
    existingQueue(ctx.params.id);
    return { queueId: ctx.params.id, prompts: promptsOf(ctx.params.id) };
  }),

  saveQueuePrompts: route('saveQueuePrompts', (ctx) => {
    const admin = requireAdmin(ctx);
    const queue = existingQueue(ctx.params.id);
    const changes = promptChanges(promptsOf(queue.id), ctx.body.prompts);
    if (changes.length > 0) {
      mockData.queuePrompts.set(queue.id, ctx.body.prompts);
      recordAdminAction(admin, 'queue.prompts_updated', { kind: 'queue', id: queue.id, name: queue.name }, `Changed the chat prompts of ${queue.name}: ${changes.join('; ')}`);
      publishWorkspace({ type: 'queue.updated', queue: { id: queue.id, name: queue.name, address: queue.address, routingMode: queue.routingMode } });
    }
    return { queueId: queue.id, prompts: promptsOf(queue.id) };
  }),
};
