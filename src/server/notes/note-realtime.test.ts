import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { RealtimeFrame } from '../../contract/events';
import { describeEachBackend } from '../test-support/databases';
import { customerEvent, frameSeq, isReady } from '../test-support/realtime-client';
import { addNote, isNoteFrame, postNote, staffEventAbout } from '../test-support/side-drawer';
import { useDemoStaff, useTestServer } from '../test-support/test-server';
import { currentEventSeq } from '../realtime/event-log';

const customerMessage = (text: string) => (f: RealtimeFrame) =>
  f.kind === 'customer-event' && f.event.type === 'message.created' && f.event.message.text === text;

describeEachBackend('Internal notes in realtime', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server, { sam: ['Sales'] });

  beforeAll(async () => {
    await server.listen();
  });

  it('pushes note.created to staff who may see the conversation, once per note', async () => {
    const chat = await server.startChat('Support');
    const id = chat.conversationId;
    const [annaSocket, saraSocket, samSocket] = await Promise.all([
      server.connect({ token: demo.anna.token }),
      server.connect({ token: demo.sara.token }),
      server.connect({ token: demo.sam.token }),
    ]);
    await Promise.all([annaSocket.ready(), saraSocket.ready(), samSocket.ready()]);

    const clientNoteId = randomUUID();
    expect((await postNote(server, demo.ben, id, 'Checked the order: shipped Monday', clientNoteId)).status).toBe(201);
    for (const socket of [annaSocket, saraSocket]) {
      const frame = await socket.next(staffEventAbout('note.created', id));
      expect(frame).toMatchObject({
        kind: 'event',
        event: { type: 'note.created', note: { conversationId: id, clientNoteId, authorName: 'Ben Okafor', text: 'Checked the order: shipped Monday' } },
      });
    }

    // A retry adds no event; a later event arrives with nothing in between.
    expect((await postNote(server, demo.ben, id, 'Checked the order: shipped Monday', clientNoteId)).status).toBe(200);
    await addNote(server, demo.ben, id, 'Second note');
    const next = await annaSocket.takeUntil(staffEventAbout('note.created', id));
    expect(next.map((f) => f.kind === 'event' && f.event.type === 'note.created' && f.event.note.text)).toEqual(['Second note']);

    // Sam serves Sales only: he gets the Sales event below and nothing of the Support notes before it.
    const sales = await server.startChat('Sales');
    const samFrames = await samSocket.takeUntil(staffEventAbout('message.created', sales.conversationId));
    expect(samFrames.some(isNoteFrame)).toBe(false);
    expect(samSocket.raw.join('\n')).not.toContain('shipped Monday');
  });

  it('never sends a note to the customer, live or on catch-up', async () => {
    const chat = await server.startChat('Support', { text: 'Where is my parcel?' });
    const id = chat.conversationId;
    const customer = await server.connect({ customerToken: chat.token });
    const before = await customer.ready();
    const staff = await server.connect({ token: demo.anna.token });
    await staff.ready();

    await server.picked(demo.anna, id);
    await addNote(server, demo.anna, id, 'SECRET: customer was rude last time');
    await server.agentSays(demo.anna, id, 'Let me check that for you.');
    await addNote(server, demo.anna, id, 'SECRET: offered a voucher');
    await server.end(demo.anna, id);

    // Staff see the notes in order among the other events.
    const staffFrames = await staff.takeUntil(staffEventAbout('conversation.ended', id));
    expect(staffFrames.filter(isNoteFrame)).toHaveLength(2);

    const live = await customer.takeUntil(
      (f) => f.kind === 'customer-event' && f.event.type === 'conversation.updated' && f.event.conversation.state === 'ended',
    );
    expect(live.map((f) => (f.kind === 'customer-event' ? f.event.type : f.kind))).toEqual([
      'conversation.updated',
      'message.created',
      'message.created',
      'message.created',
      'conversation.updated',
    ]);
    expect(live.some(customerMessage('Let me check that for you.'))).toBe(true);
    expect(customer.raw.join('\n')).not.toMatch(/SECRET|note\.created/);

    // A reconnecting customer replays the same log; the notes stay out.
    const again = await server.connect({ customerToken: chat.token, after: before });
    const replay = await again.takeUntil(isReady);
    expect(replay.filter((f) => f.kind === 'customer-event')).toHaveLength(5);
    expect(again.raw.join('\n')).not.toMatch(/SECRET|note\.created/);
    // Skipped notes leave gaps in the customer's seqs, never a lag: ready is the log's position.
    expect(replay[replay.length - 1]).toEqual({ kind: 'ready', seq: await currentEventSeq(server.db) });
    expect(replay.slice(0, -1).every((f) => frameSeq(f)! > before)).toBe(true);
  });

  it('replays notes to a reconnecting staff client', async () => {
    const chat = await server.startChat('Support');
    const first = await server.connect({ token: demo.ben.token });
    const seq = await first.ready();
    await first.close();

    await addNote(server, demo.anna, chat.conversationId, 'Written while Ben was offline');
    await server.customerSays(chat, 'Hello again');

    const again = await server.connect({ token: demo.ben.token, after: seq });
    const replay = await again.takeUntil(isReady);
    expect(
      replay.map((f) =>
        f.kind !== 'event' ? f.kind : f.event.type === 'note.created' ? `note: ${f.event.note.text}` : f.event.type === 'message.created' ? `message: ${f.event.message.text}` : f.event.type,
      ),
    ).toEqual(['note: Written while Ben was offline', 'message: Hello again', 'ready']);
  });

  it('keeps a customer socket quiet while staff write notes', async () => {
    const chat = await server.startChat('Support');
    const customer = await server.connect({ customerToken: chat.token });
    await customer.ready();
    for (const text of ['one', 'two', 'three']) await addNote(server, demo.sara, chat.conversationId, `Note ${text}`);
    await server.customerSays(chat, 'Anyone?');
    const frames = await customer.takeUntil(customerEvent('message.created'));
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ kind: 'customer-event', event: { type: 'message.created', message: { text: 'Anyone?' } } });
  });
});
