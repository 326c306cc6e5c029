import { beforeAll, expect, it } from 'vitest';
import { OkSchema } from '../../contract/api';
import { describePostgresOnly } from '../test-support/databases';
import { customerEvent, staffEvent } from '../test-support/realtime-client';
import { useTwoInstances, type Staff, type TestServer } from '../test-support/test-server';

/**
 * Two server instances behind a load balancer share one PostgreSQL. Each has its own pool and
 * its own LISTEN connection, so anything that reaches the other instance went through the
 * database's NOTIFY, not through memory.
 */
describePostgresOnly('Two server instances on one database', () => {
  const instances = useTwoInstances();
  let a: TestServer;
  let b: TestServer;
  beforeAll(() => void ({ a, b } = instances));

  it('delivers each side’s messages live through the other instance', async () => {
    const ben: Staff = await b.login('ben');
    const agentSocket = await b.connect({ token: ben.token });
    await agentSocket.ready();

    const chat = await a.startChat('Support', { text: 'Started on instance A' });
    const customerSocket = await a.connect({ customerToken: chat.token });
    await customerSocket.ready();

    await agentSocket.next(staffEvent('conversation.created', chat.conversationId));
    const first = await agentSocket.next(staffEvent('message.created', chat.conversationId));
    expect(first).toMatchObject({ event: { message: { text: 'Started on instance A' } } });

    await a.customerSays(chat, 'Second line, also on A');
    const second = await agentSocket.next(staffEvent('message.created', chat.conversationId));
    expect(second).toMatchObject({ event: { message: { text: 'Second line, also on A', authorKind: 'customer' } } });

    await b.picked(ben, chat.conversationId);
    const updated = await customerSocket.next(customerEvent('conversation.updated'));
    expect(updated).toMatchObject({ event: { conversation: { state: 'picked', agentName: 'Ben Okafor' } } });

    await b.agentSays(ben, chat.conversationId, 'Answered from instance B');
    const reply = await customerSocket.next(
      (f) => f.kind === 'customer-event' && f.event.type === 'message.created' && f.event.message.authorKind === 'agent',
    );
    expect(reply).toMatchObject({ event: { message: { text: 'Answered from instance B', authorName: 'Ben Okafor' } } });
  });

  it('catches up a client that reconnects to the other instance', async () => {
    const anna = await a.login('anna');
    const chat = await a.startChat('Support');
    const onA = await a.connect({ token: anna.token });
    const lastSeq = await onA.ready();
    await onA.close();

    await a.customerSays(chat, 'While you were away');
    await b.customerSays(chat, 'Still waiting');
    const onB = await b.connect({ token: anna.token, after: lastSeq });
    const replay = await onB.takeUntil((f) => f.kind === 'ready' || f.kind === 'reset');
    expect(replay.map((f) => (f.kind === 'event' && f.event.type === 'message.created' ? f.event.message.text : f.kind))).toEqual([
      'While you were away',
      'Still waiting',
      'ready',
    ]);
  });

  it('closes a session’s sockets on every instance at logout', async () => {
    const anna = await a.login('anna');
    const onB = await b.connect({ token: anna.token });
    await onB.ready();
    (await a.post('/api/auth/logout', anna)).expect(200, OkSchema);
    expect((await onB.waitClosed()).code).toBe(4001);
  });
});
