import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminAuditListSchema, AdminQueueListSchema, AdminQueueResponseSchema, type AdminQueue, type SaveQueueRequest } from '../../contract/admin';
import { SendMessageResponseSchema } from '../../contract/messages';
import type { OpeningHours } from '../../contract/opening-hours';
import { QueueDashboardSchema } from '../../contract/supervision';
import { CustomerConversationResponseSchema, PublicQueueListSchema, StartChatResponseSchema } from '../../contract/webchat';
import { ConversationResponseSchema } from '../../contract/conversations';
import { createdQueue, putQueue, unique } from '../test-support/admin';
import { describeEachBackend } from '../test-support/databases';
import { useDemoStaff, useTestServer } from '../test-support/test-server';
import { listIds } from '../test-support/transfers';
import { HeldReleaser } from './held-release';

const DAY = 86_400_000;
const weekdayIndex = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7;

/** Closed today and tomorrow (UTC), open 09:00–17:00 the day after: closed now, whatever the time. */
function closedNow(): { hours: OpeningHours; nextOpening: string } {
  const opensOn = Date.now() + 2 * DAY;
  const weekly: OpeningHours['weekly'] = [[], [], [], [], [], [], []];
  weekly[weekdayIndex(opensOn)] = [{ start: '09:00', end: '17:00' }];
  const date = new Date(opensOn).toISOString().slice(0, 10);
  return { hours: { timeZone: 'UTC', weekly, exceptions: [] }, nextOpening: `${date}T09:00:00.000Z` };
}
const ALWAYS: OpeningHours = { timeZone: 'Europe/Helsinki', weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), exceptions: [] };

describeEachBackend('Opening hours and queue limits', (backend) => {
  const server = useTestServer(backend, { app: { heldReleaseIntervalMs: 0 } });
  const demo = useDemoStaff(server);
  beforeAll(async () => {
    await server.listen();
  });

  const start = (queueId: string, extra: Record<string, unknown> = {}) =>
    server.post('/api/webchat/conversations', undefined, {
      queueId,
      name: 'Hours Customer',
      email: 'hours.customer@example.com',
      text: 'Are you there?',
      clientMessageId: randomUUID(),
      ...extra,
    });
  const bodyOf = (q: AdminQueue, change: Partial<SaveQueueRequest>): SaveQueueRequest => ({
    name: q.name,
    address: q.address,
    routingMode: q.routingMode,
    agentIds: q.agentIds,
    openingHours: q.openingHours,
    leaveMessage: q.leaveMessage,
    maxWaiting: q.maxWaiting,
    ...change,
  });
  const waitingIn = async (queueId: string) =>
    (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations WHERE queue_id = $1 AND state = 'queued'`, [queueId]))[0]!.n;

  describe('administration', () => {
    it('saves hours and limits, lists them and records the change in the audit', async () => {
      const queue = await createdQueue(server, demo.adam);
      expect(queue).toMatchObject({ openingHours: null, leaveMessage: false, maxWaiting: null });
      const { hours } = closedNow();
      const saved = (await putQueue(server, demo.adam, queue.id, bodyOf(queue, { openingHours: hours, leaveMessage: true, maxWaiting: 4 }))).expect(200, AdminQueueResponseSchema);
      expect(saved.queue).toMatchObject({ openingHours: hours, leaveMessage: true, maxWaiting: 4 });
      const listed = (await server.get('/api/admin/queues', demo.adam)).expect(200, AdminQueueListSchema).queues.find((q) => q.id === queue.id)!;
      expect(listed).toMatchObject({ openingHours: hours, leaveMessage: true, maxWaiting: 4 });
      const { entries } = (await server.get('/api/admin/audit', demo.adam)).expect(200, AdminAuditListSchema);
      expect(entries[0]!.summary).toBe(`Changed queue ${queue.name}: opening hours set (UTC); messages may be left while closed; maximum waiting none → 4`);
    });

    it('refuses bad hours and limits with the field and a clear message', async () => {
      const queue = await createdQueue(server, demo.adam);
      const refused = async (change: Record<string, unknown>) => (await putQueue(server, demo.adam, queue.id, { ...bodyOf(queue, {}), ...change })).expectError(400, 'invalid_request').fields!;
      expect(await refused({ openingHours: { ...ALWAYS, timeZone: 'Mars/Olympus' } })).toEqual({ 'openingHours.timeZone': 'Choose a time zone like Europe/Helsinki' });
      const overlapping = { ...ALWAYS, weekly: ALWAYS.weekly.map(() => [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }]) };
      expect(Object.values(await refused({ openingHours: overlapping }))).toContain('Intervals of a day must be in order and must not overlap');
      expect(await refused({ maxWaiting: 0 })).toEqual({ maxWaiting: 'At least 1 (leave it empty for no limit)' });
      expect(await refused({ maxWaiting: 2.5 })).toEqual({ maxWaiting: 'Enter a whole number, or leave it empty for no limit' });
    });

    it('only admins change them', async () => {
      const queue = await createdQueue(server, demo.adam);
      for (const who of [demo.anna, demo.sara]) {
        (await putQueue(server, who, queue.id, bodyOf(queue, { maxWaiting: 1 }))).expectError(403, 'forbidden');
      }
      (await putQueue(server, undefined, queue.id, bodyOf(queue, { maxWaiting: 1 }))).expectError(401, 'unauthenticated');
    });
  });

  describe('closed', () => {
    it('refuses a start outside the hours, with the next opening and the serviceClosed prompt, and starts nothing', async () => {
      const { hours, nextOpening } = closedNow();
      const queue = await createdQueue(server, demo.adam, { openingHours: hours, agentIds: [demo.anna.user.id] });
      const error = (await start(queue.id)).expectError(409, 'service_closed');
      expect(error.availability).toMatchObject({ open: false, nextOpening, full: false, leaveMessage: false });
      expect(error.availability!.prompt).toContain('We are closed right now.');
      expect(error.availability!.prompt).toContain('09:00–17:00 (UTC)');
      expect(await waitingIn(queue.id)).toBe(0);
      // Asking to leave a message does not help where the admin does not allow it.
      (await start(queue.id, { leaveMessage: true })).expectError(409, 'service_closed');

      const listed = (await server.get('/api/webchat/queues')).expect(200, PublicQueueListSchema).queues.find((q) => q.id === queue.id)!;
      expect(listed).toMatchObject({ open: false, nextOpening, full: false, leaveMessage: false });
      const dashboard = (await server.get('/api/supervisor/queues', demo.sara)).expect(200, QueueDashboardSchema);
      expect(dashboard.queues.find((q) => q.queue.id === queue.id)!.availability).toMatchObject({ open: false, nextOpening });
    });

    it('a queue without hours stays open', async () => {
      const queue = await createdQueue(server, demo.adam);
      (await start(queue.id)).expect(201, StartChatResponseSchema);
      const listed = (await server.get('/api/webchat/queues')).expect(200, PublicQueueListSchema).queues.find((q) => q.id === queue.id)!;
      expect(listed).toMatchObject({ open: true, nextOpening: null, prompt: null });
    });

    it('a left message waits in nobody’s picklist until the opening, then can be picked', async () => {
      const { hours, nextOpening } = closedNow();
      const queue = await createdQueue(server, demo.adam, { openingHours: hours, leaveMessage: true, agentIds: [demo.anna.user.id] });
      const left = (await start(queue.id, { leaveMessage: true })).expect(201, StartChatResponseSchema);
      expect(left.conversation).toMatchObject({ state: 'queued', heldUntil: nextOpening });
      // The customer is told when it will be answered, after a reload too; staff see it as well.
      expect((await server.get('/api/webchat/conversation', left.customerToken)).expect(200, CustomerConversationResponseSchema).conversation.heldUntil).toBe(nextOpening);
      expect((await server.get(`/api/conversations/${left.conversation.id}`, demo.sara)).expect(200, ConversationResponseSchema).conversation.heldUntil).toBe(nextOpening);
      expect(await listIds(server, demo.anna, 'picklist')).not.toContain(left.conversation.id);
      expect(await listIds(server, demo.sara, 'picklist')).not.toContain(left.conversation.id);
      const refused = (await server.pick(demo.anna, left.conversation.id)).expectError(409, 'not_holder');
      expect(refused.message).toContain('when the queue opens');
      // The customer can add to it meanwhile.
      (await server.post('/api/webchat/messages', left.customerToken, { text: 'One more thing.', clientMessageId: randomUUID() })).expect(201, SendMessageResponseSchema);

      // The opening comes: the sweeper releases it (time moved in the database).
      await server.db.query(`UPDATE conversations SET held_until = now() - interval '1 second' WHERE id = $1`, [left.conversation.id]);
      const releaser = new HeldReleaser(server.db, { intervalMs: 0 });
      expect(await releaser.releaseNow()).toBe(1);
      expect(await releaser.releaseNow()).toBe(0);
      expect(await listIds(server, demo.anna, 'picklist')).toContain(left.conversation.id);
      expect((await server.get('/api/webchat/conversation', left.customerToken)).expect(200, CustomerConversationResponseSchema).conversation.heldUntil).toBeNull();
      await server.picked(demo.anna, left.conversation.id);
    });

    it('hours moved to a later opening tell the customer the new time, and no staff member', async () => {
      const { hours, nextOpening } = closedNow();
      const queue = await createdQueue(server, demo.adam, { openingHours: hours, leaveMessage: true, agentIds: [demo.anna.user.id] });
      const left = (await start(queue.id, { leaveMessage: true })).expect(201, StartChatResponseSchema);
      const customerSocket = await server.connect({ customerToken: left.customerToken });
      const saraSocket = await server.connect({ token: demo.sara.token });
      await Promise.all([customerSocket.ready(), saraSocket.ready()]);

      // A day later: the opening moves by a day.
      const later = new Date(Date.parse(nextOpening) + DAY);
      const weekly: OpeningHours['weekly'] = [[], [], [], [], [], [], []];
      weekly[weekdayIndex(later.getTime())] = [{ start: '09:00', end: '17:00' }];
      (await putQueue(server, demo.adam, queue.id, bodyOf(queue, { openingHours: { ...hours, weekly } }))).expect(200, AdminQueueResponseSchema);
      const moved = await customerSocket.next((f) => f.kind === 'customer-event' && f.event.type === 'conversation.updated');
      expect(moved).toMatchObject({ event: { conversation: { id: left.conversation.id, state: 'queued', heldUntil: later.toISOString() } } });
      expect((await server.get('/api/webchat/conversation', left.customerToken)).expect(200, CustomerConversationResponseSchema).conversation.heldUntil).toBe(later.toISOString());

      // Saving the same hours again moves nothing and says nothing.
      const saved = (await server.get('/api/admin/queues', demo.adam)).expect(200, AdminQueueListSchema).queues.find((q) => q.id === queue.id)!;
      (await putQueue(server, demo.adam, queue.id, bodyOf(saved, {}))).expect(200, AdminQueueResponseSchema);
      // Opened: released to the staff, who learn of the left message only now.
      (await putQueue(server, demo.adam, queue.id, bodyOf(saved, { openingHours: ALWAYS }))).expect(200, AdminQueueResponseSchema);
      await saraSocket.next((f) => f.kind === 'event' && f.event.type === 'conversation.created' && f.event.conversation.id === left.conversation.id);
      const released = await customerSocket.next((f) => f.kind === 'customer-event' && f.event.type === 'conversation.updated');
      expect(released).toMatchObject({ event: { conversation: { heldUntil: null } } });
      const aboutIt = (f: (typeof saraSocket.frames)[number]) => f.kind === 'event' && 'conversation' in f.event && f.event.conversation.id === left.conversation.id;
      expect(saraSocket.frames.filter(aboutIt).map((f) => f.kind === 'event' && f.event.type)).toEqual(['conversation.created']);
      await server.picked(demo.anna, left.conversation.id);
    });

    it('new hours that are open now release the left messages at once', async () => {
      const { hours } = closedNow();
      const queue = await createdQueue(server, demo.adam, { openingHours: hours, leaveMessage: true, agentIds: [demo.anna.user.id] });
      const left = (await start(queue.id, { leaveMessage: true })).expect(201, StartChatResponseSchema);
      expect(await listIds(server, demo.anna, 'picklist')).not.toContain(left.conversation.id);
      (await putQueue(server, demo.adam, queue.id, bodyOf(queue, { openingHours: ALWAYS }))).expect(200, AdminQueueResponseSchema);
      expect(await listIds(server, demo.anna, 'picklist')).toContain(left.conversation.id);
      await server.picked(demo.anna, left.conversation.id);
    });
  });

  describe('full', () => {
    it('refuses a start beyond the maximum with the queueFull prompt; room again once one is picked', async () => {
      const queue = await createdQueue(server, demo.adam, { maxWaiting: 1, agentIds: [demo.anna.user.id] });
      const first = (await start(queue.id)).expect(201, StartChatResponseSchema);
      const error = (await start(queue.id)).expectError(409, 'queue_full');
      expect(error.availability).toMatchObject({ open: true, full: true });
      expect(error.availability!.prompt).toContain('the queue is full');
      await server.picked(demo.anna, first.conversation.id);
      (await start(queue.id)).expect(201, StartChatResponseSchema);
    });

    it('concurrent starts never overrun the maximum', async () => {
      const queue = await createdQueue(server, demo.adam, { name: unique('Busy'), maxWaiting: 3 });
      const results = await Promise.all(Array.from({ length: 8 }, () => start(queue.id)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      for (const r of results.filter((r) => r.status !== 201)) r.expectError(409, 'queue_full');
      expect(await waitingIn(queue.id)).toBe(3);
    });
  });
});
