import { beforeAll, expect, it } from 'vitest';
import { describePostgresOnly } from '../test-support/databases';
import { accept, connectAgent, conversation, letOfferExpire, makeTeam, offerRecord, presenceOf, startChatIn } from '../test-support/offers';
import { ConversationResponseSchema } from '../../contract/conversations';
import { useTwoInstances, type Staff, type TestServer } from '../test-support/test-server';

/**
 * Two instances behind a load balancer decide offers on one database: what one instance knows
 * of connections reaches the other through the database, and the routing lock keeps them from
 * deciding about the same agent or offer at once.
 */
describePostgresOnly('Offers across two server instances', () => {
  const instances = useTwoInstances();
  let a: TestServer;
  let b: TestServer;
  beforeAll(() => void ({ a, b } = instances));

  it('offers to an agent connected to the other instance', async () => {
    const team = await makeTeam(a, 1);
    const [agent] = team.agents as [Staff];
    await connectAgent(b, agent);
    const { conversationId: id } = await startChatIn(a, team.queueId);
    expect((await conversation(a, agent, id)).offer?.agent.id).toBe(agent.user.id);
    (await accept(b, agent, id)).expect(200, ConversationResponseSchema);
  });

  it('never offers past an agent’s capacity when both instances route at once', async () => {
    const team = await makeTeam(a, 2, { capacity: 2 });
    const [x, y] = team.agents as [Staff, Staff];
    await connectAgent(a, x);
    await connectAgent(b, y);
    // Eight customers at once, half through each instance.
    const chats = await Promise.all(Array.from({ length: 8 }, (_, i) => startChatIn(i % 2 ? a : b, team.queueId, `Customer ${i}`)));
    const offered = async () =>
      a.db.query<{ agent: string; n: number }>(
        `SELECT offered_to_agent_id AS agent, count(*)::int AS n FROM conversations
         WHERE state = 'offered' AND queue_id = $1 GROUP BY offered_to_agent_id ORDER BY 1`,
        [team.queueId],
      );
    // One offer at a time per agent, whoever routed it.
    expect((await offered()).map((r) => r.n)).toEqual([1, 1]);

    // Each accepts, is offered the next, accepts again: then both are full.
    for (let round = 0; round < 3; round++) {
      for (const agent of [x, y]) {
        const [mine] = await a.db.query<{ id: string }>(`SELECT id FROM conversations WHERE state = 'offered' AND offered_to_agent_id = $1`, [
          agent.user.id,
        ]);
        if (mine) (await accept(round % 2 ? a : b, agent, mine.id)).expect(200, ConversationResponseSchema);
      }
      await Promise.all([a.sweepNow(), b.sweepNow()]);
    }
    expect(await presenceOf(a, x)).toMatchObject({ capacity: 2, load: 2 });
    expect(await presenceOf(a, y)).toMatchObject({ capacity: 2, load: 2 });
    expect(await offered()).toEqual([]);
    const waiting = await a.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations WHERE state = 'queued' AND queue_id = $1`, [
      team.queueId,
    ]);
    expect(waiting[0]!.n).toBe(chats.length - 4);
  });

  it('ends an expired offer once when both instances sweep at once', async () => {
    const team = await makeTeam(a, 2);
    const [x, y] = team.agents as [Staff, Staff];
    await connectAgent(a, x);
    await connectAgent(b, y);
    await a.db.query(`UPDATE users SET idle_since = now() - interval '1 hour' WHERE id = $1`, [x.user.id]);
    const { conversationId: id } = await startChatIn(a, team.queueId);
    await letOfferExpire(a, id);
    await Promise.all([a.sweepNow(), b.sweepNow(), a.sweepNow(), b.sweepNow()]);
    expect((await offerRecord(a, id)).map((o) => [o.agent_id, o.outcome])).toEqual([
      [x.user.id, 'expired'],
      [y.user.id, null],
    ]);
    const [row] = await a.db.query<{ missed_offers: number }>('SELECT missed_offers FROM users WHERE id = $1', [x.user.id]);
    expect(row!.missed_offers).toBe(1);
  });
});
