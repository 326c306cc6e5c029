import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConversationView, ConversationState } from '../../contract/conversations';
import { belongsIn, canView, factsOf, type ConversationFacts, type Viewer } from '../../domain/conversation-rules';
import { typed } from '../db/kysely';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../test-support/databases';
import { heldFilter, listPage, offersFilter, picklistFilter, type ListFilter } from './conversation-pages';
import { visibilityFor } from './conversation-service';
import { visibleSql } from './conversation-store';
import { OFFERS_ORDER, PICKLIST_ORDER } from './list-orders';

/*
 * The server decides list membership and visibility in SQL; the browser cache and the mocks decide
 * it with src/domain/conversation-rules. Every combination of state, queue, holder, reservation and
 * offer is stored through the real schema, and each list query and the visibility clause must
 * select exactly the conversations the pure rules select, for agents with different queues and a
 * supervisor.
 */

const STATES: ConversationState[] = ['queued', 'offered', 'picked', 'ended'];

describeEachBackend('The SQL list filters agree with the domain rules', (backend) => {
  let database: TestDatabase;
  let viewers: Viewer[];
  let conversationIds: string[];
  let facts: Map<string, ConversationFacts>;

  beforeAll(async () => {
    database = await createTestDatabase(backend.kind);
    const { db } = database;
    const queueIds: string[] = [];
    for (const name of ['North', 'South']) {
      const [q] = await db.query<{ id: string }>('INSERT INTO queues (name, address) VALUES ($1, $2) RETURNING id', [name, `${name}@example.com`]);
      queueIds.push(q!.id);
    }
    const [north, south] = queueIds as [string, string];
    // Agents of one queue, of both, of none; and a supervisor.
    const people: { name: string; role: string; queues: string[] }[] = [
      { name: 'nora', role: 'agent', queues: [north] },
      { name: 'sid', role: 'agent', queues: [south] },
      { name: 'bea', role: 'agent', queues: [north, south] },
      { name: 'ned', role: 'agent', queues: [] },
      { name: 'sue', role: 'supervisor', queues: [] },
    ];
    viewers = [];
    for (const p of people) {
      const [u] = await db.query<{ id: string }>(
        `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $1, $2, 'x') RETURNING id`,
        [p.name, p.role],
      );
      for (const q of p.queues) await db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [q, u!.id]);
      viewers.push({ id: u!.id, role: p.role, queueIds: p.queues });
    }
    const [customer] = await db.query<{ id: string }>(`INSERT INTO customers (name) VALUES ('Kim') RETURNING id`);
    // Every combination, in one statement: state × queue × holder × reservation × offer, each of
    // the last three nobody or one of two agents of different queues.
    const someone = [null, viewers[0]!.id, viewers[1]!.id];
    const rows = await db.query<{ id: string }>(
      `INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, reserved_for_agent_id, offered_to_agent_id, offer_expires_at)
       SELECT $1, q, 'web', 'chat', s, a, r, o, CASE WHEN o IS NULL THEN NULL ELSE now() + interval '1 minute' END
       FROM unnest($2::text[]) s, unnest($3::uuid[]) q, unnest($4::uuid[]) a, unnest($4::uuid[]) r, unnest($4::uuid[]) o
       RETURNING id`,
      [customer!.id, STATES, queueIds, someone],
    );
    conversationIds = rows.map((r) => r.id);
    // What the rules see of each, read back through the store as every list reads it.
    const all = await listPage(db, { filter: sql`true`, order: PICKLIST_ORDER, listing: 'all', cursor: undefined, limit: rows.length + 1, readerId: null });
    facts = new Map(all.conversations.map((c) => [c.id, factsOf(c)]));
  });
  afterAll(() => database?.dispose());

  async function selected(filter: ListFilter, order = PICKLIST_ORDER): Promise<string[]> {
    const page = await listPage(database.db, { filter, order, listing: 'test', cursor: undefined, limit: conversationIds.length + 1, readerId: null });
    return page.conversations.map((c) => c.id).sort();
  }

  const expected = (pick: (c: ConversationFacts) => boolean): string[] => conversationIds.filter((id) => pick(facts.get(id)!)).sort();

  it('generated every combination', () => {
    expect(conversationIds.length).toBe(STATES.length * 2 * 3 * 3 * 3);
    expect(facts.size).toBe(conversationIds.length);
  });

  const filters: Record<ConversationView, (v: Viewer) => ListFilter> = {
    picklist: (v) => picklistFilter(v.role === 'agent' ? { id: v.id, queueIds: [...v.queueIds] } : null),
    offers: (v) => offersFilter(v.id),
    mine: (v) => heldFilter(v.id),
  };

  for (const view of ['picklist', 'offers', 'mine'] as const) {
    it(`selects each viewer's ${view} as belongsIn does`, async () => {
      for (const viewer of viewers) {
        const want = expected((facts) => belongsIn(view, facts, viewer));
        expect(await selected(filters[view](viewer), view === 'offers' ? OFFERS_ORDER : PICKLIST_ORDER), `${view} of ${viewer.role} in ${viewer.queueIds.length} queues`).toEqual(want);
      }
    });
  }

  it('shows each viewer the conversations canView allows', async () => {
    for (const viewer of viewers) {
      const visibility = visibilityFor({ ...viewer, queueIds: [...viewer.queueIds] } as Parameters<typeof visibilityFor>[0]);
      const rows = await typed(database.db).selectFrom('conversations as c').select('c.id').where(visibleSql(visibility)).execute();
      // Nobody transferred anything here, so nobody gave a conversation away.
      expect(rows.map((r) => r.id).sort()).toEqual(expected((facts) => canView(viewer, facts)));
    }
  });
});
