import { beforeAll, expect, it } from 'vitest';
import type { RealtimeFrame } from '../../contract/events';
import { describeEachBackend } from '../test-support/databases';
import { isReady } from '../test-support/realtime-client';
import { staffEventAbout } from '../test-support/side-drawer';
import { useDemoStaff, useTestServer } from '../test-support/test-server';
import { toAgent, toQueue, transferTo } from '../test-support/transfers';

const SECRET = 'SECRET-TRANSFER-NOTE: customer threatened to cancel';

/** Staff frames about one conversation, as `type` or `type:text` for messages and notes. */
const about = (frames: RealtimeFrame[], id: string) =>
  frames.flatMap((f) => {
    if (f.kind !== 'event') return [];
    const e = f.event;
    if (e.type === 'message.created') return e.message.conversationId === id ? [`message:${e.message.text}`] : [];
    if (e.type === 'note.created') return e.note.conversationId === id ? [`note:${e.note.text}`] : [];
    return 'conversation' in e && e.conversation.id === id ? [e.type] : [];
  });

describeEachBackend('Transfers in realtime', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server, { sam: ['Sales'], tom: ['Support'] });

  beforeAll(async () => {
    await server.listen();
  });

  it('sends a queue transfer to the sender and the target queue’s agents; the customer gets the system message only', async () => {
    const chat = await server.startChat('Support', { text: 'Hello' });
    const id = chat.conversationId;
    await server.picked(demo.anna, id);
    const [annaSocket, samSocket, tomSocket, saraSocket, customer] = await Promise.all([
      server.connect({ token: demo.anna.token }),
      server.connect({ token: demo.sam.token }),
      server.connect({ token: demo.tom.token }),
      server.connect({ token: demo.sara.token }),
      server.connect({ customerToken: chat.token }),
    ]);
    await Promise.all([annaSocket.ready(), samSocket.ready(), tomSocket.ready(), saraSocket.ready(), customer.ready()]);

    const { transfer } = await transferTo(server, demo.anna, id, toQueue(server, 'Sales'), SECRET);

    // One transaction, three events, in this order, to everyone concerned.
    for (const socket of [annaSocket, samSocket, saraSocket]) {
      const frames = await socket.takeUntil(staffEventAbout('conversation.transferred', id));
      expect(about(frames, id)).toEqual(['message:You are being transferred to the Sales team.', `note:${SECRET}`, 'conversation.transferred']);
      const last = frames[frames.length - 1]!;
      expect(last).toMatchObject({
        kind: 'event',
        event: { type: 'conversation.transferred', transfer, conversation: { id, state: 'queued', queue: { name: 'Sales' }, lastTransfer: transfer } },
      });
    }

    // Tom serves Support only: the transfer into Sales is not his business. A later Support chat
    // reaches him with nothing of the transfer before it.
    const marker = await server.startChat('Support');
    const tomFrames = await tomSocket.takeUntil(staffEventAbout('conversation.created', marker.conversationId));
    expect(about(tomFrames, id)).toEqual([]);
    expect(tomSocket.raw.join('\n')).not.toContain('SECRET-TRANSFER-NOTE');

    // The customer: the system message and the new state, never the note or the transfer.
    const live = await customer.takeUntil(
      (f) => f.kind === 'customer-event' && f.event.type === 'conversation.updated' && f.event.conversation.state === 'queued',
    );
    expect(live).toEqual([
      expect.objectContaining({
        kind: 'customer-event',
        event: expect.objectContaining({ type: 'message.created', message: expect.objectContaining({ authorKind: 'system', text: 'You are being transferred to the Sales team.' }) }),
      }),
      expect.objectContaining({
        kind: 'customer-event',
        event: expect.objectContaining({ type: 'conversation.updated', conversation: expect.objectContaining({ state: 'queued', agentName: null, queueName: 'Sales' }) }),
      }),
    ]);
    await server.customerSays(chat, 'Still there?');
    await customer.next((f) => f.kind === 'customer-event' && f.event.type === 'message.created' && f.event.message.text === 'Still there?');
    expect(customer.raw.join('\n')).not.toMatch(/SECRET-TRANSFER-NOTE|note\.created|transferred"|Anna Lindqvist"/);
  });

  it('sends an agent transfer to that agent even outside their queues, and keeps them informed while it waits', async () => {
    const chat = await server.startChat('Support', { text: 'Hi' });
    const id = chat.conversationId;
    await server.picked(demo.anna, id);
    const [samSocket, benSocket] = await Promise.all([server.connect({ token: demo.sam.token }), server.connect({ token: demo.ben.token })]);
    await Promise.all([samSocket.ready(), benSocket.ready()]);

    await transferTo(server, demo.anna, id, toAgent(demo.sam), 'For you, Sam.');
    const frames = await samSocket.takeUntil(staffEventAbout('conversation.transferred', id));
    expect(about(frames, id)).toEqual(['message:You are being transferred to another agent.', 'note:For you, Sam.', 'conversation.transferred']);
    expect(frames[frames.length - 1]).toMatchObject({ event: { conversation: { reservedFor: { id: demo.sam.user.id } } } });
    // Ben serves the queue, so he is told too (his picklist drops it: it is reserved for Sam).
    await benSocket.next(staffEventAbout('conversation.transferred', id));

    // While it waits for Sam, what happens in it reaches him although he does not serve Support.
    await server.customerSays(chat, 'Are you the new agent?');
    await samSocket.next((f) => f.kind === 'event' && f.event.type === 'message.created' && f.event.message.text === 'Are you the new agent?');
    await server.picked(demo.sam, id);
    expect(about(await samSocket.takeUntil(staffEventAbout('conversation.picked', id)), id)).toEqual(['conversation.picked']);
  });

  it('replays a transfer to its sender after a reconnect', async () => {
    const chat = await server.startChat('Support');
    const id = chat.conversationId;
    await server.picked(demo.anna, id);
    const first = await server.connect({ token: demo.anna.token });
    const seq = await first.ready();
    await first.close();

    await transferTo(server, demo.anna, id, toAgent(demo.sam));
    const again = await server.connect({ token: demo.anna.token, after: seq });
    const replay = await again.takeUntil(isReady);
    expect(about(replay, id)).toEqual(['message:You are being transferred to another agent.', 'conversation.transferred']);
  });
});
