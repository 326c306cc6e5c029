import { expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { SettingsResponseSchema } from '../../contract/settings';
import { AuditTrailSchema } from '../../contract/supervision';
import { CustomerConversationResponseSchema } from '../../contract/webchat';
import { describeEachBackend, describePostgresOnly } from '../test-support/databases';
import { useDemoStaff, useTestServer, useTwoInstances, type Chat, type Staff, type TestServer } from '../test-support/test-server';
import { sweepInactivity } from './inactivity-sweeper';

async function setIdle(server: TestServer, admin: Staff, idleWarningSeconds: number, idleEndSeconds: number) {
  const { settings } = (await server.get('/api/settings', admin)).expect(200, SettingsResponseSchema);
  const body = { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads, customerChat: { ...settings.customerChat, idleWarningSeconds, idleEndSeconds } };
  (await server.request('PUT', '/api/settings', { auth: admin, body })).expect(200, SettingsResponseSchema);
}

/** As if nobody had written for an hour: the chat's messages, arrival and pick move back (no waiting in tests). */
async function ageChat(server: TestServer, chat: Chat) {
  await server.db.query(`UPDATE messages SET created_at = created_at - interval '1 hour' WHERE conversation_id = $1`, [chat.conversationId]);
  await server.db.query(`UPDATE conversations SET arrived_at = arrived_at - interval '1 hour', picked_at = picked_at - interval '1 hour' WHERE id = $1`, [
    chat.conversationId,
  ]);
}
/** As if the end time after the warning had passed. */
const passEndTime = (server: TestServer, chat: Chat) =>
  server.db.query(`UPDATE conversations SET idle_warned_at = idle_warned_at - interval '1 hour', idle_ends_at = now() - interval '1 second' WHERE id = $1`, [chat.conversationId]);

const systemLines = async (server: TestServer, staff: Staff, id: string) =>
  ((await server.get(`/api/conversations/${id}/messages`, staff)).json() as { messages: { authorKind: string; text: string }[] }).messages
    .filter((m) => m.authorKind === 'system')
    .map((m) => m.text);

describeEachBackend('Inactivity', (backend) => {
  const server = useTestServer(backend);
  const staff = useDemoStaff(server);

  it('warns an idle chat once, then ends it as ended by the system for inactivity', async () => {
    await setIdle(server, staff.adam, 5, 5);
    try {
      const chat = await server.startChat('Support', { name: 'Ivy Idle' });
      await server.picked(staff.ben, chat.conversationId);
      // Not idle yet: nothing happens.
      expect((await sweepInactivity(server.db)).warned).not.toContain(chat.conversationId);

      await ageChat(server, chat);
      expect((await sweepInactivity(server.db)).warned).toContain(chat.conversationId);
      // Warned once per idle spell.
      expect((await sweepInactivity(server.db)).warned).not.toContain(chat.conversationId);
      const warned = (await server.get(`/api/conversations/${chat.conversationId}`, staff.ben)).expect(200, ConversationResponseSchema).conversation;
      expect(warned.idleWarning).not.toBeNull();
      expect(Date.parse(warned.idleWarning!.endsAt)).toBeGreaterThan(Date.parse(warned.idleWarning!.warnedAt));
      expect(await systemLines(server, staff.ben, chat.conversationId)).toHaveLength(2); // joined, warning

      await passEndTime(server, chat);
      expect((await sweepInactivity(server.db)).ended).toEqual(expect.arrayContaining([chat.conversationId]));
      expect((await sweepInactivity(server.db)).ended).not.toContain(chat.conversationId);
      const ended = (await server.get(`/api/conversations/${chat.conversationId}`, staff.ben)).expect(200, ConversationResponseSchema).conversation;
      expect(ended).toMatchObject({ state: 'ended', endedBy: 'system', endReason: 'inactivity', idleWarning: null });
      expect((await server.get('/api/webchat/conversation', chat)).expect(200, CustomerConversationResponseSchema).conversation.state).toBe('ended');
      const trail = (await server.get(`/api/conversations/${chat.conversationId}/audit`, staff.sara)).expect(200, AuditTrailSchema);
      expect(trail.entries.at(-1)).toMatchObject({ kind: 'ended', actor: { kind: 'system' }, summary: 'Ended by the system: inactivity' });
      expect(await systemLines(server, staff.ben, chat.conversationId)).toHaveLength(3); // and the end's line
    } finally {
      await setIdle(server, staff.adam, 0, 0);
    }
  });

  it('starts the clock again when either side writes after the warning', async () => {
    await setIdle(server, staff.adam, 5, 5);
    try {
      const chat = await server.startChat('Support');
      await server.picked(staff.ben, chat.conversationId);
      await ageChat(server, chat);
      expect((await sweepInactivity(server.db)).warned).toContain(chat.conversationId);
      await server.agentSays(staff.ben, chat.conversationId, 'Still there?');
      const after = (await server.get(`/api/conversations/${chat.conversationId}`, staff.ben)).expect(200, ConversationResponseSchema).conversation;
      expect(after.idleWarning).toBeNull();
      await passEndTime(server, chat);
      const swept = await sweepInactivity(server.db);
      expect(swept.ended).not.toContain(chat.conversationId);
      expect(swept.warned).not.toContain(chat.conversationId);
      expect((await server.get(`/api/conversations/${chat.conversationId}`, staff.ben)).expect(200, ConversationResponseSchema).conversation.state).toBe('picked');
    } finally {
      await setIdle(server, staff.adam, 0, 0);
    }
  });

  it('leaves a waiting chat alone, and counts a picked one from its pick', async () => {
    await setIdle(server, staff.adam, 5, 5);
    try {
      const chat = await server.startChat('Support');
      await ageChat(server, chat);
      // Waiting an hour with nobody to answer is not inactivity.
      expect((await sweepInactivity(server.db)).warned).not.toContain(chat.conversationId);
      // Picked now after that hour: the agent has only just come.
      await server.picked(staff.ben, chat.conversationId);
      expect((await sweepInactivity(server.db)).warned).not.toContain(chat.conversationId);
      await server.db.query(`UPDATE conversations SET picked_at = picked_at - interval '1 minute' WHERE id = $1`, [chat.conversationId]);
      expect((await sweepInactivity(server.db)).warned).toContain(chat.conversationId);
    } finally {
      await setIdle(server, staff.adam, 0, 0);
    }
  });

  it('does nothing while the admin has it off (the default)', async () => {
    const chat = await server.startChat('Sales');
    await server.picked(staff.ben, chat.conversationId);
    await ageChat(server, chat);
    expect(await sweepInactivity(server.db)).toEqual({ warned: [], ended: [] });
  });
});

describePostgresOnly('Inactivity on two instances', () => {
  const instances = useTwoInstances();

  it('warns and ends each idle conversation once when both instances sweep at once', async () => {
    const { a, b } = instances;
    const adam = await a.staff('adam');
    await setIdle(a, adam, 5, 5);
    const chats = await Promise.all(Array.from({ length: 6 }, (_, i) => a.startChat(i % 2 ? 'Support' : 'Sales')));
    const ben = await a.staff('ben');
    for (const chat of chats) await a.picked(ben, chat.conversationId);
    for (const chat of chats) await ageChat(a, chat);
    const ids = chats.map((c) => c.conversationId);

    const warnings = await Promise.all([sweepInactivity(a.db), sweepInactivity(b.db), sweepInactivity(a.db), sweepInactivity(b.db)]);
    const warned = warnings.flatMap((w) => w.warned).filter((id) => ids.includes(id));
    expect(warned.sort()).toEqual([...ids].sort());

    for (const chat of chats) await passEndTime(a, chat);
    const ends = await Promise.all([sweepInactivity(a.db), sweepInactivity(b.db), sweepInactivity(a.db), sweepInactivity(b.db)]);
    const ended = ends.flatMap((e) => e.ended).filter((id) => ids.includes(id));
    expect(ended.sort()).toEqual([...ids].sort());

    // The pick's line, then one warning line and one end line each, whoever swept.
    const lines = await a.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE conversation_id = ANY($1::uuid[]) AND author_kind = 'system' GROUP BY conversation_id`,
      [ids],
    );
    expect(lines.map((l) => l.n)).toEqual(ids.map(() => 3));
  });
});
