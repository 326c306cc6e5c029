// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AdminQueueResponseSchema, type AdminQueue } from '../contract/admin';
import { ConversationListSchema } from '../contract/conversations';
import { ApiErrorSchema } from '../contract/errors';
import type { OpeningHours } from '../contract/opening-hours';
import { PublicQueueListSchema, StartChatResponseSchema } from '../contract/webchat';
import { logInMock, setUpMockApi } from './testing';

/** The mocks answer closed, full and left messages as the server does (opening-hours-api.test.ts). */
setUpMockApi();

const CLOSED: OpeningHours = { timeZone: 'UTC', weekly: [[], [], [], [], [], [], []], exceptions: [] };
const ALWAYS: OpeningHours = { timeZone: 'UTC', weekly: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]), exceptions: [] };
const json = (token: string | null, method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

async function setLimits(token: string, queue: AdminQueue, change: Partial<AdminQueue>) {
  const { id: _id, ...rest } = { ...queue, ...change };
  const res = await fetch(`/api/admin/queues/${queue.id}`, json(token, 'PUT', rest));
  expect(res.status).toBe(200);
  return AdminQueueResponseSchema.parse(await res.json()).queue;
}
const start = (queueId: string, leaveMessage?: boolean) =>
  fetch('/api/webchat/conversations', json(null, 'POST', { queueId, name: 'Mock Customer', email: 'mock@example.com', text: 'Hi', clientMessageId: crypto.randomUUID(), leaveMessage }));

describe('mocked opening hours and queue limits', () => {
  it('closed: refused with the prompt; a left message waits outside the picklist until the hours open', async () => {
    const adam = await logInMock('adam');
    const anna = await logInMock('anna');
    const queues = (await (await fetch('/api/admin/queues', json(adam.token, 'GET'))).json()) as { queues: AdminQueue[] };
    const support = queues.queues.find((q) => q.name === 'Support')!;
    const closed = await setLimits(adam.token, support, { openingHours: CLOSED });
    expect(closed).toMatchObject({ openingHours: CLOSED, leaveMessage: false, maxWaiting: null });

    const refused = await start(support.id);
    expect(refused.status).toBe(409);
    const error = ApiErrorSchema.parse(await refused.json());
    expect(error).toMatchObject({ code: 'service_closed', availability: { open: false, nextOpening: null } });
    const listed = PublicQueueListSchema.parse(await (await fetch('/api/webchat/queues')).json()).queues.find((q) => q.id === support.id)!;
    expect(listed).toMatchObject({ open: false, full: false });
    expect(listed.prompt).toContain('We are closed right now.');

    // Leaving a message needs a next opening: a special day, the day after tomorrow (UTC).
    const opens = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const later = await setLimits(adam.token, closed, { leaveMessage: true, openingHours: { ...CLOSED, exceptions: [{ date: opens, intervals: [{ start: '09:00', end: '17:00' }], note: '' }] } });
    const left = await start(support.id, true);
    expect(left.status).toBe(201);
    const chat = StartChatResponseSchema.parse(await left.json());
    const picklist = async () => ConversationListSchema.parse(await (await fetch('/api/conversations?view=picklist', json(anna.token, 'GET'))).json()).conversations.map((c) => c.id);
    expect(await picklist()).not.toContain(chat.conversation.id);
    await setLimits(adam.token, later, { openingHours: ALWAYS });
    expect(await picklist()).toContain(chat.conversation.id);
  });

  it('full: the second start is refused with queue_full', async () => {
    const adam = await logInMock('adam');
    const queues = (await (await fetch('/api/admin/queues', json(adam.token, 'GET'))).json()) as { queues: AdminQueue[] };
    const billing = queues.queues.find((q) => q.name === 'Billing')!;
    const waiting = (await (await fetch('/api/webchat/queues')).json()) as { queues: unknown[] };
    expect(waiting.queues.length).toBe(3);
    await setLimits(adam.token, billing, { maxWaiting: 50 });
    // Fill it up to the limit, whatever the seed left waiting there.
    let status = 201;
    let starts = 0;
    while (status === 201 && starts < 60) {
      status = (await start(billing.id)).status;
      starts++;
    }
    expect(status).toBe(409);
    const error = ApiErrorSchema.parse(await (await start(billing.id)).json());
    expect(error).toMatchObject({ code: 'queue_full', availability: { open: true, full: true } });
  });
});
