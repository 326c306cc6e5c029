import { beforeAll, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import type { RealtimeFrame } from '../../contract/events';
import { REALTIME_CATCH_UP_LIMIT } from '../../contract/limits';
import { describeEachBackend } from '../test-support/databases';
import { customerEvent, eventConversationId, frameSeq, isReady, staffEvent } from '../test-support/realtime-client';
import { useTestServer, type Staff } from '../test-support/test-server';
import { currentEventSeq } from './event-log';

/** A compact picture of event frames, so a failing assertion shows what arrived. */
function summary(frames: RealtimeFrame[]) {
  return frames.map((f) => {
    if (f.kind !== 'event' && f.kind !== 'customer-event') return f.kind;
    const e = f.event;
    return e.type === 'message.created' ? `${e.type}: ${e.message.text}` : e.type;
  });
}

function expectIncreasingSeqs(frames: RealtimeFrame[], after: number) {
  const seqs = frames.map(frameSeq);
  expect(seqs.every((s) => s !== null)).toBe(true);
  let previous = after;
  for (const seq of seqs as number[]) {
    expect(seq).toBeGreaterThan(previous);
    previous = seq;
  }
}

describeEachBackend('Realtime', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff; // Support only
  let ben: Staff; // Support and Sales

  beforeAll(async () => {
    [anna, ben] = await Promise.all([server.staff('anna'), server.staff('ben')]);
    await server.listen();
  });

  it('pushes conversation and message events to staff live, in seq order', async () => {
    const socket = await server.connect({ token: ben.token });
    const start = await socket.ready();

    const chat = await server.startChat('Support', { text: 'Is anyone there?' });
    const id = chat.conversationId;
    const created = await socket.takeUntil(staffEvent('message.created', id));
    expect(summary(created)).toEqual(['conversation.created', 'message.created: Is anyone there?']);
    // Nothing else happened, so the log continues right where the socket joined.
    expect(frameSeq(created[0]!)).toBe(start + 1);

    await server.picked(ben, id);
    const picked = await socket.takeUntil(staffEvent('message.created', id));
    expect(summary(picked)).toEqual(['conversation.picked', 'message.created: Ben Okafor joined the conversation.']);
    const pickedEvent = picked[0]!;
    expect(pickedEvent.kind === 'event' && pickedEvent.event.type === 'conversation.picked' && pickedEvent.event.conversation.agent?.id).toBe(
      ben.user.id,
    );

    await server.customerSays(chat, 'Thanks for picking up');
    await server.agentSays(ben, id, 'How can I help?');
    const talk = await socket.takeUntil(staffEvent('message.created', id));
    expect(summary(talk)).toEqual(['message.created: Thanks for picking up']);
    expect(summary(await socket.takeUntil(staffEvent('message.created', id)))).toEqual(['message.created: How can I help?']);

    (await server.end(ben, id)).expect(200, ConversationResponseSchema);
    const ended = await socket.takeUntil(staffEvent('conversation.ended', id));
    expect(summary(ended)).toEqual(['message.created: Ben Okafor ended the conversation.', 'conversation.ended']);

    expectIncreasingSeqs(socket.frames.slice(1), start);
    expect(socket.frames.slice(1).every((f) => eventConversationId(f) === id)).toBe(true);
  });

  it('authenticates a browser socket with the session cookie', async () => {
    const socket = await server.connect({}, { headers: { cookie: `cp_session=${anna.token}` } });
    await socket.ready();
    const chat = await server.startChat('Support');
    await socket.next(staffEvent('conversation.created', chat.conversationId));
  });

  it('refuses a socket without a valid session or hello', async () => {
    const noSession = await server.connect({ token: 'made-up-token' });
    const [error] = await noSession.takeUntil((f) => f.kind === 'error');
    expect(error).toMatchObject({ kind: 'error', code: 'unauthenticated' });
    expect((await noSession.waitClosed()).code).toBe(4001);

    const badCustomer = await server.connect({ customerToken: 'made-up-token' });
    expect((await badCustomer.waitClosed()).code).toBe(4001);

    const badHello = await server.connect({ after: -5 });
    expect(await badHello.next((f) => f.kind === 'error')).toMatchObject({ code: 'invalid_request' });
    expect((await badHello.waitClosed()).code).toBe(4000);
  });

  it('shows an agent only the events of their queues', async () => {
    const socket = await server.connect({ token: anna.token });
    await socket.ready();
    const sales = await server.startChat('Sales', { text: 'Sales question' });
    await server.picked(ben, sales.conversationId);
    const support = await server.startChat('Support', { text: 'Support question' });

    const frames = await socket.takeUntil(staffEvent('message.created', support.conversationId));
    expect(summary(frames)).toEqual(['conversation.created', 'message.created: Support question']);
    expect(frames.every((f) => eventConversationId(f) === support.conversationId)).toBe(true);
  });

  it('sends a customer only the events of their own conversation, without internal data', async () => {
    const mine = await server.startChat('Support', { email: 'own.customer@example.com' });
    const other = await server.startChat('Support', { text: 'Other customer here' });
    const customer = await server.connect({ customerToken: mine.token });
    const otherCustomer = await server.connect({ customerToken: other.token });
    await customer.ready();
    await otherCustomer.ready();

    await server.customerSays(other, 'Private to the other conversation');
    await server.picked(ben, other.conversationId);
    await server.agentSays(ben, other.conversationId, 'Answer to the other customer');
    await server.customerSays(mine, 'My own message');

    const frames = await customer.takeUntil(customerEvent('message.created'));
    expect(summary(frames)).toEqual(['message.created: My own message']);

    await server.picked(ben, mine.conversationId);
    await server.agentSays(ben, mine.conversationId, 'Hello, I am Ben');
    await server.end(ben, mine.conversationId);
    const rest = await customer.takeUntil((f) => f.kind === 'customer-event' && f.event.type === 'conversation.updated' && f.event.conversation.state === 'ended');
    expect(summary(rest)).toEqual([
      'conversation.updated',
      'message.created: Ben Okafor joined the conversation.',
      'message.created: Hello, I am Ben',
      'message.created: Ben Okafor ended the conversation.',
      'conversation.updated',
    ]);
    expect(rest[0]).toMatchObject({ kind: 'customer-event', event: { conversation: { state: 'picked', agentName: 'Ben Okafor' } } });
    expect(customer.frames.every((f) => f.kind === 'ready' || eventConversationId(f) === mine.conversationId)).toBe(true);
    expect(customer.raw.join('\n')).not.toMatch(/support@acme\.example|own\.customer@example\.com|Other customer|other conversation/);

    const otherFrames = await otherCustomer.takeUntil(customerEvent('message.created'));
    expect(summary(otherFrames)).toEqual(['message.created: Private to the other conversation']);
    expect(otherCustomer.frames.every((f) => f.kind === 'ready' || eventConversationId(f) === other.conversationId)).toBe(true);
  });

  it('replays exactly what a reconnecting staff client missed, then ready', async () => {
    const chat = await server.startChat('Support');
    const first = await server.connect({ token: ben.token });
    await first.ready();
    await server.picked(ben, chat.conversationId);
    const live = await first.takeUntil(staffEvent('message.created', chat.conversationId));
    const lastSeq = frameSeq(live[live.length - 1]!)!;
    await first.close();

    const sent = [];
    for (const text of ['Missed one', 'Missed two', 'Missed three']) sent.push(await server.customerSays(chat, text));

    const again = await server.connect({ token: ben.token, after: lastSeq });
    const replay = await again.takeUntil(isReady);
    expect(summary(replay)).toEqual(['message.created: Missed one', 'message.created: Missed two', 'message.created: Missed three', 'ready']);
    expect(replay.slice(0, 3).map((f) => f.kind === 'event' && f.event.type === 'message.created' && f.event.message.id)).toEqual(
      sent.map((m) => m.id),
    );
    expectIncreasingSeqs(replay.slice(0, 3), lastSeq);
    expect(replay[3]).toEqual({ kind: 'ready', seq: frameSeq(replay[2]!) });

    // Live delivery continues without repeating the replay.
    await server.agentSays(ben, chat.conversationId, 'Sorry for the wait');
    expect(summary(await again.takeUntil(staffEvent('message.created', chat.conversationId)))).toEqual([
      'message.created: Sorry for the wait',
    ]);
  });

  it('replays only what the reconnecting user may see', async () => {
    const support = await server.startChat('Support');
    const first = await server.connect({ token: anna.token });
    const lastSeq = await first.ready();
    await first.close();

    const sales = await server.startChat('Sales');
    await server.customerSays(sales, 'Sales follow-up');
    await server.customerSays(support, 'Support follow-up');

    const annaAgain = await server.connect({ token: anna.token, after: lastSeq });
    expect(summary(await annaAgain.takeUntil(isReady))).toEqual(['message.created: Support follow-up', 'ready']);

    const customerAgain = await server.connect({ customerToken: sales.token, after: lastSeq });
    expect(summary(await customerAgain.takeUntil(isReady))).toEqual([
      'conversation.updated',
      'message.created: Hello, I need help.',
      'message.created: Sales follow-up',
      'ready',
    ]);
  });

  it('answers a hello from the future with reset, then continues live', async () => {
    const current = await currentEventSeq(server.db);
    const socket = await server.connect({ token: ben.token, after: current + 50 });
    const frames = await socket.takeUntil((f) => f.kind === 'reset' || f.kind === 'ready');
    expect(frames).toEqual([{ kind: 'reset', seq: current }]);

    const chat = await server.startChat('Sales');
    const live = await socket.next(staffEvent('conversation.created', chat.conversationId));
    expect(frameSeq(live)).toBe(current + 1);
  });

  it('answers a hello too far behind with reset', async () => {
    // Stands in for a long absence: the log moves past the catch-up limit.
    await server.db.query('UPDATE event_counter SET value = value + $1', [REALTIME_CATCH_UP_LIMIT + 10]);
    const chat = await server.startChat('Support');
    const current = await currentEventSeq(server.db);

    const tooOld = await server.connect({ token: ben.token, after: current - REALTIME_CATCH_UP_LIMIT - 1 });
    expect(await tooOld.takeUntil((f) => f.kind === 'reset' || f.kind === 'ready')).toEqual([{ kind: 'reset', seq: current }]);

    // Right at the limit the server still replays (here, only the new chat's events).
    const atLimit = await server.connect({ token: ben.token, after: current - REALTIME_CATCH_UP_LIMIT });
    const replay = await atLimit.takeUntil((f) => f.kind === 'reset' || f.kind === 'ready');
    expect(summary(replay)).toEqual(['conversation.created', 'message.created: Hello, I need help.', 'ready']);
    expect(replay.slice(0, 2).every((f) => eventConversationId(f) === chat.conversationId)).toBe(true);
  });

  it('closes the sockets of a session when it logs out', async () => {
    const session = await server.login('anna');
    const other = await server.login('anna');
    const socket = await server.connect({ token: session.token });
    const otherSocket = await server.connect({ token: other.token });
    await socket.ready();
    await otherSocket.ready();

    await server.post('/api/auth/logout', session);
    expect((await socket.waitClosed()).code).toBe(4001);

    const chat = await server.startChat('Support');
    await otherSocket.next(staffEvent('conversation.created', chat.conversationId));
    expect(socket.frames.some((f) => eventConversationId(f) === chat.conversationId)).toBe(false);
  });
});
