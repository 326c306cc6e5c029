import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { RealtimeFrame } from '../../contract/events';
import { CreateNoteResponseSchema, MentionCandidateListSchema, NoteListSchema } from '../../contract/notes';
import { describeEachBackend } from '../test-support/databases';
import { customerEvent } from '../test-support/realtime-client';
import { staffEventAbout } from '../test-support/side-drawer';
import { useDemoStaff, useTestServer, type Staff } from '../test-support/test-server';

const mentionFrame = (f: RealtimeFrame) => f.kind === 'user-event' && f.event.type === 'note.mentioned';

describeEachBackend('Note @mentions', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server, { sam: ['Sales'] });

  beforeAll(async () => {
    await server.listen();
  });

  const mention = (staff: Staff, id: string, text: string, mentionedUserIds: string[]) =>
    server.post(`/api/conversations/${id}/notes`, staff, { clientNoteId: randomUUID(), text, mentionedUserIds });

  it('offers every other active colleague, saying who may see the conversation', async () => {
    const { conversationId: id } = await server.startChat('Support');
    const { candidates } = (await server.get(`/api/conversations/${id}/mention-candidates`, demo.anna)).expect(200, MentionCandidateListSchema);
    const byName = new Map(candidates.map((c) => [c.displayName, c.mayView]));
    expect(byName.has('Anna Lindqvist')).toBe(false);
    expect(byName.get('Ben Okafor')).toBe(true);
    expect(byName.get('Sara Moreau')).toBe(true);
    expect(byName.get('Agent sam')).toBe(false);
    // Someone who may not see the conversation learns nothing of it through this list either.
    (await server.get(`/api/conversations/${id}/mention-candidates`, demo.sam)).expectError(404, 'not_found');
  });

  it('stores the mentions and tells the mentioned colleague alone; the customer gets nothing', async () => {
    const chat = await server.startChat('Support', { text: 'My order never came' });
    const id = chat.conversationId;
    const [benSocket, saraSocket, customer] = await Promise.all([
      server.connect({ token: demo.ben.token }),
      server.connect({ token: demo.sara.token }),
      server.connect({ customerToken: chat.token }),
    ]);
    await Promise.all([benSocket.ready(), saraSocket.ready(), customer.ready()]);

    const created = (await mention(demo.anna, id, '@Ben Okafor SECRET: please check the courier', [demo.ben.user.id])).expect(201, CreateNoteResponseSchema);
    expect(created.note.mentions).toEqual([{ id: demo.ben.user.id, displayName: 'Ben Okafor' }]);
    const listed = (await server.get(`/api/conversations/${id}/notes`, demo.sara)).expect(200, NoteListSchema);
    expect(listed.notes[0]!.mentions).toEqual([{ id: demo.ben.user.id, displayName: 'Ben Okafor' }]);

    const benFrame = await benSocket.next(mentionFrame);
    expect(benFrame).toMatchObject({
      kind: 'user-event',
      event: { type: 'note.mentioned', customerName: expect.any(String), note: { id: created.note.id, conversationId: id } },
    });

    // Sara sees the note in the timeline like every viewer, but no mention of her; then one that is hers.
    const second = (await mention(demo.anna, id, '@Sara Moreau over to you', [demo.sara.user.id])).expect(201, CreateNoteResponseSchema);
    const saraFrames = await saraSocket.takeUntil(mentionFrame);
    expect(saraFrames.filter(mentionFrame)).toHaveLength(1);
    expect(saraFrames.at(-1)).toMatchObject({ event: { note: { id: second.note.id } } });
    expect(saraFrames.filter((f) => f.kind === 'event' && f.event.type === 'note.created')).toHaveLength(2);

    // The customer's socket carries their next message and nothing of the notes or mentions.
    await server.customerSays(chat, 'Hello?');
    const customerFrames = await customer.takeUntil(customerEvent('message.created'));
    expect(customerFrames.filter((f) => f.kind === 'customer-event' && f.event.type === 'message.created')).toHaveLength(1);
    expect(customer.raw.join('\n')).not.toMatch(/SECRET|note\.|mention/);
    // Ben got one mention: Sara's was hers alone.
    await server.customerSays(chat, 'Anyone?');
    const benRest = await benSocket.takeUntil(staffEventAbout('message.created', id));
    expect(benRest.some(mentionFrame)).toBe(false);
  });

  it('refuses with 422 a mention of someone who may not see the conversation, and stores nothing', async () => {
    const chat = await server.startChat('Support');
    const id = chat.conversationId;
    const samSocket = await server.connect({ token: demo.sam.token });
    await samSocket.ready();

    const refused = (await mention(demo.anna, id, '@Agent sam look', [demo.ben.user.id, demo.sam.user.id])).expectError(422, 'mention_not_allowed');
    expect(refused.message).toContain('Agent sam cannot see this conversation');
    (await mention(demo.anna, id, '@Nobody', [randomUUID()])).expectError(422, 'mention_not_allowed');
    expect((await server.get(`/api/conversations/${id}/notes`, demo.anna)).expect(200, NoteListSchema).notes).toEqual([]);

    // Sam's next frame is about his own queue: nothing about the refused note reached him.
    const sales = await server.startChat('Sales');
    const samFrames = await samSocket.takeUntil(staffEventAbout('conversation.created', sales.conversationId));
    expect(samFrames.some(mentionFrame)).toBe(false);
    expect(samSocket.raw.join('\n')).not.toContain(id);
  });

  it('drops a mention of the writer themself', async () => {
    const { conversationId: id } = await server.startChat('Support');
    const created = (await mention(demo.anna, id, 'Reminder to myself', [demo.anna.user.id])).expect(201, CreateNoteResponseSchema);
    expect(created.note.mentions).toEqual([]);
  });
});
