import { beforeAll, expect, it } from 'vitest';
import { AdminUserResponseSchema } from '../../contract/admin';
import { createdUser, putUser, userUpdate } from '../test-support/admin';
import { describePostgresOnly } from '../test-support/databases';
import { useTwoInstances, type Staff, type TestServer } from '../test-support/test-server';

/**
 * An admin's change on one instance reaches the user's sockets on the other through the
 * database's NOTIFY alone: each instance has its own pool and LISTEN connection.
 */
describePostgresOnly('Administration across two server instances', () => {
  const instances = useTwoInstances();
  let a: TestServer;
  let b: TestServer;
  let adam: Staff;
  beforeAll(async () => {
    ({ a, b } = instances);
    adam = await a.login('adam');
  });

  it('disabling a user on one instance closes their sockets on both at once, and their session with them', async () => {
    const created = await createdUser(a, adam, { queueIds: [a.queueIds.Support] });
    const [onA, onB] = await Promise.all([a.login(created.username, created.password), b.login(created.username, created.password)]);
    const [socketA, socketB] = await Promise.all([a.connect({ token: onA.token }), b.connect({ token: onB.token })]);
    await Promise.all([socketA.ready(), socketB.ready()]);

    (await putUser(a, adam, created.id, userUpdate(created, { disabled: true }))).expect(200, AdminUserResponseSchema);
    const [closedA, closedB] = await Promise.all([socketA.waitClosed(), socketB.waitClosed()]);
    expect([closedA.code, closedB.code]).toEqual([4001, 4001]);
    for (const [server, session] of [[a, onA], [a, onB], [b, onA], [b, onB]] as const) {
      (await server.get('/api/auth/me', session)).expectError(401, 'unauthenticated');
    }
    // A reconnect attempt with the old token is refused too.
    const retry = await b.connect({ token: onB.token });
    expect((await retry.waitClosed()).code).toBe(4001);
  });

  it('a changed role on one instance makes the user’s sockets on the other reconnect (4002)', async () => {
    const created = await createdUser(a, adam, { queueIds: [a.queueIds.Sales] });
    const session = await b.login(created.username, created.password);
    const socket = await b.connect({ token: session.token });
    await socket.ready();
    (await putUser(a, adam, created.id, userUpdate(created, { role: 'supervisor', queueIds: [] }))).expect(200, AdminUserResponseSchema);
    expect((await socket.waitClosed()).code).toBe(4002);
    const again = await b.connect({ token: session.token });
    await again.ready();
  });
});
