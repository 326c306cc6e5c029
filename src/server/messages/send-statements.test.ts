import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SendMessageResponseSchema } from '../../contract/messages';
import { createTestDatabase, describeEachBackend } from '../test-support/databases';
import { countStatements, roundTrips, type StatementLog } from '../test-support/statement-counter';
import { TestServer, type Chat, type Staff } from '../test-support/test-server';

/**
 * How many statements one send costs, so it cannot grow back unnoticed (a count, never a time).
 * Before this was pinned an agent send took 9 statements (11 round trips with BEGIN and COMMIT)
 * and a customer send 8 (10): the session and the settings apart, and the whole conversation
 * with its customer loaded to check rights before locking it again. Now: the session (with the
 * settings), one statement that locks, checks and inserts, and the event's. A customer's token is
 * looked up once per server instance (it never changes), so a chat's sends after its first
 * request skip that statement.
 *
 * The event is one INSERT (the event log numbers it after commit, without a lock). The hub's
 * numbering and reading of the log are that instance's delivery, not the send, and are left out
 * (on PGlite they run inside the request's async context).
 */
const AGENT_SEND = 3;
const CUSTOMER_SEND = 2;

const sendStatements = (log: StatementLog) => ({
  ...log,
  statements: log.statements.filter((s) => !/\bfrom "?events"?(\s|$)|sequence_events_batch/i.test(s)),
});

describeEachBackend('Statements of one send', (backend) => {
  let server: TestServer;
  let measure: ReturnType<typeof countStatements>['measure'];
  let anna: Staff;
  let chat: Chat;

  beforeAll(async () => {
    const testDb = await createTestDatabase(backend.kind);
    const counter = countStatements(testDb.db);
    measure = counter.measure;
    server = await TestServer.onDatabase(counter.db, { seed: true, dispose: () => testDb.dispose() });
  });
  // Apart from the server's start, so the hook stays short on a busy machine.
  beforeAll(async () => {
    anna = await server.staff('anna');
    chat = await server.startChat('Support');
    await server.picked(anna, chat.conversationId);
  });
  afterAll(() => server?.close());

  it(`an agent send takes ${AGENT_SEND} statements in one transaction`, async () => {
    const { result, log } = await measure(() => server.agentSend(anna, chat.conversationId, 'How can I help?'));
    result.expect(201, SendMessageResponseSchema);
    const send = sendStatements(log);
    expect(send.statements, send.statements.join('\n---\n')).toHaveLength(AGENT_SEND);
    expect(send.transactions).toBe(1);
    expect(roundTrips(send)).toBe(AGENT_SEND + 2);
  });

  it(`a customer send takes ${CUSTOMER_SEND} statements in one transaction once the chat's token is known`, async () => {
    // The page's first request (here a send) looks the token up; later ones do not.
    const first = await measure(() => server.customerSend(chat, 'Hello again'));
    first.result.expect(201, SendMessageResponseSchema);
    expect(sendStatements(first.log).statements.filter((s) => /customer_token_hash/.test(s))).toHaveLength(1);
    const { result, log } = await measure(() => server.customerSend(chat, 'My parcel is late'));
    result.expect(201, SendMessageResponseSchema);
    const send = sendStatements(log);
    expect(send.statements, send.statements.join('\n---\n')).toHaveLength(CUSTOMER_SEND);
    expect(send.transactions).toBe(1);
  });

  it('a retry takes the careful path and writes nothing', async () => {
    const clientMessageId = randomUUID();
    (await server.customerSend(chat, 'Are you there?', clientMessageId)).expect(201, SendMessageResponseSchema);
    const { result, log } = await measure(() => server.customerSend(chat, 'Are you there?', clientMessageId));
    expect(result.expect(200, SendMessageResponseSchema).created).toBe(false);
    const send = sendStatements(log);
    // The one-statement attempt (rolled back), then the lock and the stored message.
    expect(send.statements, send.statements.join('\n---\n')).toHaveLength(3);
    expect(send.transactions).toBe(2);
    expect(send.statements.some((s) => /event_counter|INSERT INTO "?events"?|pg_notify/i.test(s))).toBe(false);
  });
});
