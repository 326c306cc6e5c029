import { beforeAll, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { MessagePageSchema } from '../../contract/messages';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Staff } from '../test-support/test-server';

const ROUNDS = 30;

describeEachBackend('Pick race', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff;
  let ben: Staff;

  beforeAll(async () => {
    [anna, ben] = await Promise.all([server.staff('anna'), server.staff('ben')]);
  });

  /** Both pick at once; asserts exactly one won and the other was told who. Returns the winner. */
  async function race(id: string, pickers: Staff[]): Promise<Staff> {
    const results = await Promise.all(pickers.map((p) => server.pick(p, id)));
    const winners = results.flatMap((r, i) => (r.status === 200 ? [pickers[i]!] : []));
    expect(winners, results.map((r) => `${r.status} ${r.text}`).join('\n')).toHaveLength(1);
    const winner = winners[0]!;

    for (const [i, res] of results.entries()) {
      if (pickers[i] === winner && res.status === 200) {
        expect(res.expect(200, ConversationResponseSchema).conversation.agent).toEqual({ id: winner.user.id, displayName: winner.user.displayName });
        continue;
      }
      const refusal = res.expectError(409, 'already_picked');
      expect(refusal.holder).toEqual({ id: winner.user.id, displayName: winner.user.displayName });
      expect(refusal.message).toContain(winner.user.displayName);
    }

    const { conversation } = (await server.get(`/api/conversations/${id}`, anna)).expect(200, ConversationResponseSchema);
    expect(conversation).toMatchObject({ state: 'picked', agent: { id: winner.user.id } });
    const page = (await server.get(`/api/conversations/${id}/messages`, anna)).expect(200, MessagePageSchema);
    expect(page.messages.filter((m) => m.authorKind === 'system' && m.text.includes('joined'))).toHaveLength(1);
    const [events] = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE conversation_id = $1 AND type = 'conversation.picked'`,
      [id],
    );
    expect(events!.n).toBe(1);
    return winner;
  }

  it(`gives a new conversation to exactly one of two agents, ${ROUNDS} times over`, async () => {
    const wins = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const chat = await server.startChat('Support');
      // Alternate who sends first, so neither always has the head start.
      const pickers = round % 2 === 0 ? [anna, ben] : [ben, anna];
      const winner = await race(chat.conversationId, pickers);
      wins.set(winner.user.username, (wins.get(winner.user.username) ?? 0) + 1);
    }
    expect([...wins.values()].reduce((a, b) => a + b, 0)).toBe(ROUNDS);
  });

  it('lets an agent who picks twice at once win only once', async () => {
    const chat = await server.startChat('Support');
    const winner = await race(chat.conversationId, [ben, ben]);
    expect(winner).toBe(ben);
  });
});
