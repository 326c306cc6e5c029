import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { ConversationResponseSchema } from '../../contract/conversations';
import { RatingResponseSchema, RatingSchema, RatingStatsSchema, SurveyStateSchema, TranscriptSchema, WebchatFormSettingsSchema, type CustomerChatSettings } from '../../contract/customer-chat';
import { SettingsResponseSchema } from '../../contract/settings';
import { AuditTrailSchema } from '../../contract/supervision';
import { CustomerConversationResponseSchema, StartChatResponseSchema } from '../../contract/webchat';
import { describeEachBackend } from '../test-support/databases';
import { useDemoStaff, useTestServer, type Staff, type TestServer } from '../test-support/test-server';
import { staffEventAbout } from '../test-support/side-drawer';

/** An admin saves the web-chat settings, keeping everything else. */
async function setCustomerChat(server: TestServer, admin: Staff, change: Partial<CustomerChatSettings>) {
  const { settings } = (await server.get('/api/settings', admin)).expect(200, SettingsResponseSchema);
  const body = { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads, customerChat: { ...settings.customerChat, ...change } };
  return (await server.request('PUT', '/api/settings', { auth: admin, body })).expect(200, SettingsResponseSchema).settings;
}

const RatingAnswer = z.object({ rating: RatingSchema.nullable() });

describeEachBackend('The end of a web chat', (backend) => {
  const server = useTestServer(backend);
  const staff = useDemoStaff(server);

  it('lets the customer end their chat: ended by the customer, a line for the agent, once', async () => {
    const chat = await server.startChat('Support', { name: 'Lea Leaving' });
    await server.picked(staff.ben, chat.conversationId);

    const ended = (await server.post('/api/webchat/conversation/end', chat)).expect(200, CustomerConversationResponseSchema);
    expect(ended.conversation.state).toBe('ended');
    // Twice: refused with a code, nothing changes.
    (await server.post('/api/webchat/conversation/end', chat)).expectError(409, 'conversation_ended');

    const seen = (await server.get(`/api/conversations/${chat.conversationId}`, staff.ben)).expect(200, ConversationResponseSchema).conversation;
    expect(seen).toMatchObject({ state: 'ended', endedBy: 'customer', endReason: null });
    const thread = (await server.get(`/api/conversations/${chat.conversationId}/messages`, staff.ben)).json() as { messages: { authorKind: string; text: string }[] };
    expect(thread.messages.filter((m) => m.authorKind === 'system').map((m) => m.text)).toContain('Lea Leaving left the chat.');
    // It left Ben's open conversations.
    const mine = (await server.get('/api/conversations?view=mine', staff.ben)).json() as { conversations: { id: string }[] };
    expect(mine.conversations.map((c) => c.id)).not.toContain(chat.conversationId);

    const trail = (await server.get(`/api/conversations/${chat.conversationId}/audit`, staff.sara)).expect(200, AuditTrailSchema);
    expect(trail.entries.at(-1)).toMatchObject({ kind: 'ended', actor: { kind: 'customer', name: 'Lea Leaving' }, summary: 'The customer ended the chat' });
  });

  it('ends only with that chat’s own customer token', async () => {
    const chat = await server.startChat('Sales');
    (await server.post('/api/webchat/conversation/end')).expectError(401, 'unauthenticated');
    (await server.post('/api/webchat/conversation/end', 'not-a-real-token')).expectError(401, 'unauthenticated');
    (await server.post('/api/webchat/conversation/end', staff.ben)).expectError(401, 'unauthenticated');
    const other = await server.startChat('Sales');
    (await server.post('/api/webchat/conversation/end', other)).expect(200, CustomerConversationResponseSchema);
    const own = (await server.get('/api/webchat/conversation', chat)).expect(200, CustomerConversationResponseSchema);
    expect(own.conversation.state).toBe('queued');
  });

  it('gives the customer a plain-text transcript of their messages, without internal notes', async () => {
    const chat = await server.startChat('Support', { name: 'Tom Transcript', text: 'Where is order <b>42</b>?' });
    await server.picked(staff.ben, chat.conversationId);
    await server.agentSays(staff.ben, chat.conversationId, 'It ships tomorrow.');
    (await server.post(`/api/conversations/${chat.conversationId}/notes`, staff.ben, { clientNoteId: randomUUID(), text: 'INTERNAL: customer is grumpy' })).expect(201, z.unknown());

    const transcript = (await server.get('/api/webchat/transcript', chat)).expect(200, TranscriptSchema);
    expect(transcript.fileName).toMatch(/^chat-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.txt$/);
    expect(transcript.text).toContain('Tom Transcript:\n  Where is order <b>42</b>?');
    expect(transcript.text).toContain('Ben Okafor:\n  It ships tomorrow.');
    expect(transcript.text).toMatch(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\] Tom Transcript/);
    expect(transcript.text).not.toContain('INTERNAL');
    (await server.get('/api/webchat/transcript')).expectError(401, 'unauthenticated');
  });

  it('asks for a rating only when the admin switched the survey on, after the end, once', async () => {
    const chat = await server.startChat('Billing', { name: 'Rita Rating' });
    await server.picked(staff.ben, chat.conversationId);
    expect((await server.get('/api/webchat/survey', chat)).expect(200, SurveyStateSchema)).toEqual({ enabled: false, answer: null });
    (await server.post('/api/webchat/survey', chat, { rating: 5 })).expectError(409, 'survey_off');

    await setCustomerChat(server, staff.adam, { surveyEnabled: true });
    try {
      (await server.post('/api/webchat/survey', chat, { rating: 5 })).expectError(409, 'conversation_open');
      (await server.end(staff.ben, chat.conversationId)).expect(200, ConversationResponseSchema);
      (await server.post('/api/webchat/survey', chat, { rating: 6 })).expectError(400, 'invalid_request');
      const saraSocket = await server.connect({ token: staff.sara.token });
      await saraSocket.ready();
      const given = (await server.post('/api/webchat/survey', chat, { rating: 4, comment: '  Quick and kind  ' })).expect(201, RatingResponseSchema);
      expect(given.rating).toMatchObject({ rating: 4, comment: 'Quick and kind' });
      // Open side panels and dashboards learn of it live.
      expect(await saraSocket.next(staffEventAbout('conversation.rated', chat.conversationId))).toMatchObject({ event: { rating: given.rating } });
      (await server.post('/api/webchat/survey', chat, { rating: 1 })).expectError(409, 'already_rated');
      expect((await server.get('/api/webchat/survey', chat)).expect(200, SurveyStateSchema).answer).toMatchObject({ rating: 4 });

      // Staff: in the conversation's details and audit trail.
      expect((await server.get(`/api/conversations/${chat.conversationId}/rating`, staff.ben)).expect(200, RatingAnswer).rating).toMatchObject({ rating: 4 });
      const trail = (await server.get(`/api/conversations/${chat.conversationId}/audit`, staff.sara)).expect(200, AuditTrailSchema);
      expect(trail.entries.find((e) => e.kind === 'rated')).toMatchObject({ actor: { kind: 'customer', name: 'Rita Rating' }, summary: 'Rated the chat 4 of 5: “Quick and kind”' });

      // Supervisors: per queue and per agent, today and over the week.
      const today = new Date(Date.now() - 3_600_000).toISOString();
      (await server.get(`/api/supervisor/ratings?today=${encodeURIComponent(today)}`, staff.ben)).expectError(403, 'forbidden');
      const stats = (await server.get(`/api/supervisor/ratings?today=${encodeURIComponent(today)}`, staff.sara)).expect(200, RatingStatsSchema);
      const billing = stats.queues.find((q) => q.queue.name === 'Billing')!;
      expect(billing.today.count).toBeGreaterThanOrEqual(1);
      expect(billing.week.count).toBeGreaterThanOrEqual(billing.today.count);
      const ben = stats.agents.find((a) => a.agent.id === staff.ben.user.id)!;
      expect(ben.week.average).toBeGreaterThanOrEqual(1);
    } finally {
      await setCustomerChat(server, staff.adam, { surveyEnabled: false });
    }
  });

  it('makes email optional unless the admin requires it', async () => {
    const start = (email?: string) =>
      server.post('/api/webchat/conversations', undefined, { queueId: server.queueIds.Support, name: 'Nora Noemail', ...(email ? { email } : {}), text: 'Hi', clientMessageId: randomUUID() });
    expect((await server.get('/api/webchat/form-settings')).expect(200, WebchatFormSettingsSchema)).toEqual({ emailRequired: false });
    (await start()).expect(201, StartChatResponseSchema);

    await setCustomerChat(server, staff.adam, { emailRequired: true });
    try {
      expect((await server.get('/api/webchat/form-settings')).expect(200, WebchatFormSettingsSchema)).toEqual({ emailRequired: true });
      expect((await start()).expectError(400, 'invalid_request').fields).toEqual({ email: 'Enter your email address' });
      (await start('nora@example.com')).expect(201, StartChatResponseSchema);
    } finally {
      await setCustomerChat(server, staff.adam, { emailRequired: false });
    }
  });

  it('refuses idle times below the minimum with the field named', async () => {
    const { settings } = (await server.get('/api/settings', staff.adam)).expect(200, SettingsResponseSchema);
    const body = { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads, customerChat: { ...settings.customerChat, idleWarningSeconds: 3 } };
    const res = await server.request('PUT', '/api/settings', { auth: staff.adam, body });
    expect(res.expectError(400, 'invalid_request').fields).toHaveProperty(['customerChat.idleWarningSeconds']);
  });
});
