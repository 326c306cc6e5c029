import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { NOTE_TEXT_MAX_LENGTH } from '../../contract/limits';
import { MessagePageSchema } from '../../contract/messages';
import { CreateNoteResponseSchema, NoteListSchema } from '../../contract/notes';
import { describeEachBackend } from '../test-support/databases';
import { addNote, postNote } from '../test-support/side-drawer';
import { type Staff, useDemoStaff, useTestServer } from '../test-support/test-server';

describeEachBackend('Internal notes', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server, { sam: ['Sales'] });

  const notesOf = async (staff: Staff, id: string) =>
    (await server.get(`/api/conversations/${id}/notes`, staff)).expect(200, NoteListSchema).notes;

  describe('rights', () => {
    it('lets every staff member who may view the conversation read and add notes', async () => {
      const { conversationId: id } = await server.startChat('Support');
      const byAnna = await addNote(server, demo.anna, id, 'Waiting customer, VIP account');
      expect(byAnna).toMatchObject({ conversationId: id, authorId: demo.anna.user.id, authorName: 'Anna Lindqvist', text: 'Waiting customer, VIP account' });
      await addNote(server, demo.ben, id, 'Ben was here');
      await addNote(server, demo.sara, id, 'Supervisor: handle with care');
      await addNote(server, demo.adam, id, 'Admin note');

      for (const staff of [demo.anna, demo.ben, demo.sara, demo.adam]) {
        expect((await notesOf(staff, id)).map((n) => n.authorName)).toEqual(['Adam Novak', 'Sara Moreau', 'Ben Okafor', 'Anna Lindqvist']);
      }
    });

    it('hides the notes of a conversation the agent may not view with 404', async () => {
      const { conversationId: id } = await server.startChat('Support');
      await addNote(server, demo.anna, id, 'Support only');

      (await server.get(`/api/conversations/${id}/notes`, demo.sam)).expectError(404, 'not_found');
      (await postNote(server, demo.sam, id, 'Sneaking in')).expectError(404, 'not_found');
      expect((await notesOf(demo.anna, id)).map((n) => n.text)).toEqual(['Support only']);
    });

    it('refuses customers and anonymous callers with 401', async () => {
      const chat = await server.startChat('Support');
      const id = chat.conversationId;
      await addNote(server, demo.anna, id, 'Never for the customer');

      (await server.get(`/api/conversations/${id}/notes`, chat.token)).expectError(401, 'unauthenticated');
      (await postNote(server, chat.token, id, 'Customer writing a note')).expectError(401, 'unauthenticated');
      (await server.get(`/api/conversations/${id}/notes`)).expectError(401, 'unauthenticated');
      (await server.post(`/api/conversations/${id}/notes`, undefined, { clientNoteId: randomUUID(), text: 'Anonymous' })).expectError(
        401,
        'unauthenticated',
      );
      expect((await notesOf(demo.anna, id)).map((n) => n.text)).toEqual(['Never for the customer']);
    });

    it('answers a malformed or unknown conversation id with 404, not 500', async () => {
      for (const id of ['not-a-uuid', "x' OR '1'='1", randomUUID()]) {
        (await server.get(`/api/conversations/${encodeURIComponent(id)}/notes`, demo.sara)).expectError(404, 'not_found');
        (await postNote(server, demo.sara, encodeURIComponent(id), 'Hello')).expectError(404, 'not_found');
      }
    });

    it('allows notes on ended conversations, also by the past holder who left the queue', async () => {
      const chat = await server.startChat('Sales');
      const id = chat.conversationId;
      await server.picked(demo.sam, id);
      (await server.end(demo.sam, id)).expect(200, ConversationResponseSchema);

      await addNote(server, demo.sam, id, 'Wrap-up: refund promised');
      await addNote(server, demo.ben, id, 'Refund done');
      await server.db.query('DELETE FROM queue_agents WHERE user_id = $1', [demo.sam.user.id]);
      try {
        await addNote(server, demo.sam, id, 'Still my conversation');
        expect((await notesOf(demo.sam, id)).map((n) => n.text)).toEqual(['Still my conversation', 'Refund done', 'Wrap-up: refund promised']);
      } finally {
        await server.db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [server.queueIds.Sales, demo.sam.user.id]);
      }
    });
  });

  describe('writing', () => {
    it('lists notes newest first, per conversation', async () => {
      const { conversationId: id } = await server.startChat('Support');
      const { conversationId: otherId } = await server.startChat('Support');
      for (const text of ['first', 'second', 'third']) await addNote(server, demo.anna, id, text);
      await addNote(server, demo.anna, otherId, 'elsewhere');

      const notes = await notesOf(demo.ben, id);
      expect(notes.map((n) => n.text)).toEqual(['third', 'second', 'first']);
      const times = notes.map((n) => Date.parse(n.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect((await notesOf(demo.ben, otherId)).map((n) => n.text)).toEqual(['elsewhere']);
    });

    it('returns the first note with 200 when the same clientNoteId is sent again', async () => {
      const { conversationId: id } = await server.startChat('Support');
      const clientNoteId = randomUUID();
      const first = (await postNote(server, demo.anna, id, 'Original text', clientNoteId)).expect(201, CreateNoteResponseSchema);
      expect(first).toMatchObject({ created: true, note: { clientNoteId, text: 'Original text' } });

      const retry = (await postNote(server, demo.anna, id, 'Edited before the retry', clientNoteId)).expect(200, CreateNoteResponseSchema);
      expect(retry).toEqual({ created: false, note: first.note });

      expect((await notesOf(demo.anna, id)).map((n) => n.id)).toEqual([first.note.id]);
    });

    it('retries concurrently into exactly one note', async () => {
      const { conversationId: id } = await server.startChat('Support');
      const clientNoteId = randomUUID();
      const answers = await Promise.all(Array.from({ length: 5 }, () => postNote(server, demo.ben, id, 'Sent five times', clientNoteId)));
      const bodies = answers.map((a) => a.expect(a.status, CreateNoteResponseSchema));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(bodies.map((b) => b.note.id)).size).toBe(1);
      expect(await notesOf(demo.ben, id)).toHaveLength(1);
    });

    it('refuses a clientNoteId another user already used', async () => {
      const { conversationId: id } = await server.startChat('Support');
      const clientNoteId = randomUUID();
      await postNote(server, demo.anna, id, 'Mine', clientNoteId);
      (await postNote(server, demo.ben, id, 'Also mine?', clientNoteId)).expectError(409, 'duplicate_client_id');
      expect((await notesOf(demo.ben, id)).map((n) => n.text)).toEqual(['Mine']);
    });

    it('uses one clientNoteId independently per conversation', async () => {
      const a = await server.startChat('Support');
      const b = await server.startChat('Support');
      const clientNoteId = randomUUID();
      (await postNote(server, demo.anna, a.conversationId, 'On A', clientNoteId)).expect(201, CreateNoteResponseSchema);
      (await postNote(server, demo.anna, b.conversationId, 'On B', clientNoteId)).expect(201, CreateNoteResponseSchema);
    });

    it('refuses empty, over-long and malformed notes with a message', async () => {
      const { conversationId: id } = await server.startChat('Support');

      const empty = (await postNote(server, demo.anna, id, '   \n ')).expectError(400, 'invalid_request');
      expect(empty.message).toMatch(/empty/i);
      expect(empty.fields).toHaveProperty('text');

      const tooLong = (await postNote(server, demo.anna, id, 'x'.repeat(NOTE_TEXT_MAX_LENGTH + 1))).expectError(400, 'invalid_request');
      expect(tooLong.message).toContain(String(NOTE_TEXT_MAX_LENGTH));

      const badId = (await postNote(server, demo.anna, id, 'Fine text', 'not-a-uuid')).expectError(400, 'invalid_request');
      expect(badId.fields).toHaveProperty('clientNoteId');
      (await server.post(`/api/conversations/${id}/notes`, demo.anna, { text: 'No id' })).expectError(400, 'invalid_request');
      (await server.post(`/api/conversations/${id}/notes`, demo.anna, { clientNoteId: randomUUID(), text: 42 })).expectError(400, 'invalid_request');
      (await server.request('POST', `/api/conversations/${id}/notes`, { auth: demo.anna, payload: '{"text": ' })).expectError(400, 'invalid_request');

      expect(await notesOf(demo.anna, id)).toEqual([]);
    });

    it('accepts a note of exactly the maximum length and trims surrounding space', async () => {
      const { conversationId: id } = await server.startChat('Support');
      const longest = 'y'.repeat(NOTE_TEXT_MAX_LENGTH);
      expect((await addNote(server, demo.anna, id, `  ${longest}  `)).text).toBe(longest);
      expect((await addNote(server, demo.anna, id, '\n  padded  \n')).text).toBe('padded');
    });

    it('keeps notes out of the chat: no message, no change to the conversation, nothing for the customer', async () => {
      const chat = await server.startChat('Support', { text: 'Customer question' });
      const id = chat.conversationId;
      await server.picked(demo.anna, id);
      const before = (await server.get(`/api/conversations/${id}`, demo.anna)).expect(200, ConversationResponseSchema).conversation;

      await addNote(server, demo.anna, id, 'SECRET-NOTE-TEXT');

      const after = (await server.get(`/api/conversations/${id}`, demo.anna)).expect(200, ConversationResponseSchema).conversation;
      expect(after).toEqual(before);
      const staffView = (await server.get(`/api/conversations/${id}/messages`, demo.anna)).expect(200, MessagePageSchema);
      expect(staffView.messages.map((m) => m.text)).not.toContain('SECRET-NOTE-TEXT');
      for (const path of ['/api/webchat/messages', '/api/webchat/conversation']) {
        const res = await server.get(path, chat.token);
        expect(res.status).toBe(200);
        expect(res.text).not.toContain('SECRET-NOTE-TEXT');
      }
    });
  });
});
