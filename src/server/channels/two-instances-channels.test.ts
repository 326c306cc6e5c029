import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChannelConfigResponseSchema } from '../../contract/channels';
import type { AppDeps } from '../app';
import { createTestDatabase, describePostgresOnly, type TestDatabase } from '../test-support/databases';
import { SinchStandIn } from '../test-support/sinch-stand-in';
import { TestServer } from '../test-support/test-server';

/*
 * Two instances on one PostgreSQL database, each with its own channel worker: callbacks arrive at
 * either (and again at the other, as Sinch's retries may), replies are written on either, and every
 * message is applied once, in order, and sent once.
 */

/** Resolves once `check` holds, asking again every 25 ms (what it waits for is in the database). */
async function eventually<T>(check: () => Promise<T | false | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('What the test waited for did not happen');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describePostgresOnly('Messaging channels on two instances', () => {
  let standIn: SinchStandIn;
  let testDb: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  const urls = { a: '', b: '' };

  beforeAll(async () => {
    standIn = await SinchStandIn.start();
    testDb = await createTestDatabase('postgres');
    const channels = (which: 'a' | 'b'): NonNullable<AppDeps['channels']> => ({
      conversationUrl: standIn.url,
      authUrl: standIn.url,
      publicUrl: () => urls[which],
      pollMs: 25,
      backoffMs: 20,
      maxBackoffMs: 100,
    });
    a = await TestServer.onDatabase(testDb.db, { seed: true, app: { channels: channels('a') } });
    b = await TestServer.onDatabase(await testDb.openAnother(), { seed: false, app: { channels: channels('b') } });
    urls.a = await a.listen();
    urls.b = await b.listen();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await testDb?.dispose();
    await standIn?.close();
  });

  it('applies each callback once and in order, and sends each reply once, whichever instance has it', { timeout: 90_000 }, async () => {
    const adam = await a.login('adam');
    const c = standIn.credentials;
    const channel = (
      await a.post('/api/admin/channels', adam, {
        name: 'Sinch',
        projectId: c.projectId,
        appId: c.appId,
        keyId: c.keyId,
        keySecret: c.keySecret,
        webhookSecret: c.webhookSecret,
        region: 'us',
        carries: ['SMS', 'WHATSAPP'],
        queueId: a.queueIds.Support,
      })
    ).expect(201, ChannelConfigResponseSchema).channel;

    const phones = Array.from({ length: 4 }, (_, i) => `+1555010${String(Date.now()).slice(-3)}${i}`);
    const perPhone = 5;
    for (let n = 0; n < perPhone; n++) {
      await Promise.all(
        phones.map(async (phone, i) => {
          const { body } = standIn.inbound({ channel: 'WHATSAPP', identity: phone, text: `message ${n}` });
          const [first, second] = (n + i) % 2 === 0 ? [urls.a, urls.b] : [urls.b, urls.a];
          expect((await standIn.deliver(`${first}${channel.webhookPath}`, body)).status).toBe(200);
          // Sinch retries the same callback (newly signed); it may reach the other instance.
          expect((await standIn.deliver(`${second}${channel.webhookPath}`, body)).status).toBe(200);
        }),
      );
    }
    await eventually(async () => (await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel_inbox WHERE processed_at IS NULL'))[0]!.n === 0);

    const conversations = await testDb.db.query<{ id: string; channel_identity: string }>(
      `SELECT id, channel_identity FROM conversations WHERE channel_id = $1 AND state <> 'ended'`,
      [channel.id],
    );
    expect(conversations.map((r) => r.channel_identity).sort()).toEqual(phones.map((p) => `WHATSAPP:${p}`).sort());
    for (const conversation of conversations) {
      const texts = await testDb.db.query<{ text: string }>('SELECT text FROM messages WHERE conversation_id = $1 ORDER BY seq', [conversation.id]);
      expect(texts.map((t) => t.text)).toEqual(Array.from({ length: perPhone }, (_, n) => `message ${n}`));
    }

    // Anna picks them on one instance and answers on both; the API fails some tries meanwhile.
    const anna = await a.login('anna');
    for (const conversation of conversations) await a.picked(anna, conversation.id);
    standIn.failNextSends = 5;
    const replies: string[] = [];
    for (const [i, conversation] of conversations.entries()) {
      for (let k = 0; k < 3; k++) {
        const text = `reply ${i}.${k}`;
        replies.push(text);
        await (k % 2 === 0 ? a : b).agentSays(anna, conversation.id, text);
      }
    }
    const sentTexts = () => standIn.accepted.map((s) => s.body.message.text_message?.text).filter((t): t is string => !!t && t.startsWith('reply '));
    await standIn.until(() => sentTexts().length >= replies.length, 30_000);
    await eventually(async () => (await testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM channel_outbox WHERE status = 'pending'`))[0]!.n === 0);
    expect(sentTexts().sort()).toEqual([...replies].sort());
    // In each conversation, in the order Anna wrote them.
    for (const [i, conversation] of conversations.entries()) {
      const phone = conversation.channel_identity.split(':')[1]!;
      const order = standIn.accepted.filter((s) => s.body.recipient.identified_by?.channel_identities[0]?.identity === phone).map((s) => s.body.message.text_message?.text);
      expect(order).toEqual([`reply ${i}.0`, `reply ${i}.1`, `reply ${i}.2`]);
    }
  });
});
