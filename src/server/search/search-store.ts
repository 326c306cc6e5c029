import { sql, type RawBuilder } from 'kysely';
import type { SearchConversationRef } from '../../contract/search';
import type { TimeKey } from '../../domain/history-cursor';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { escapeLike, visibleSql, type Visibility } from '../conversations/conversation-store';
import { exactTimeText } from '../conversations/list-orders';

/*
 * The search's two statements. Each filters by the one visibility clause the lists use
 * (visibleSql), so a search never finds what its requester could not open. The full-text
 * conditions repeat migration 24's index expressions exactly, which is what lets the planner use
 * those indexes; the tsquery arrives as a parameter built by prefixTsQuery (letters and digits only).
 */

const MESSAGE_DOCUMENT = sql.raw(`to_tsvector('simple'::regconfig, m.text)`);
const CUSTOMER_DOCUMENT = sql.raw(`to_tsvector('simple'::regconfig, cu.name || ' ' || coalesce(cu.email, '') || ' ' || coalesce(cu.phone, ''))`);
const tsQuery = (query: string): RawBuilder<unknown> => sql`to_tsquery('simple'::regconfig, ${query})`;

interface RefRow {
  conversation_id: string;
  state: SearchConversationRef['state'];
  queue_name: string;
  arrived_at: Date | string;
  customer_name: string;
}

const refOf = (row: RefRow): SearchConversationRef => ({
  id: row.conversation_id,
  state: row.state,
  queueName: row.queue_name,
  arrivedAt: new Date(row.arrived_at).toISOString(),
  customerName: row.customer_name,
});

const REF_COLUMNS = sql.raw(`c.id AS conversation_id, c.state, q.name AS queue_name, c.arrived_at, cu.name AS customer_name`);

export interface FoundCustomer {
  conversation: SearchConversationRef;
  email: string | null;
  phone: string | null;
}

/**
 * Conversations whose customer matches: part of the name, email or phone as typed (History's
 * rule, on migration 15's trigram indexes), or every word as a prefix of the customer's words.
 * Open ones first, then the newest.
 */
export async function findCustomers(db: Sql, q: { typed: string; tsQuery: string; visibility: Visibility; limit: number }): Promise<FoundCustomer[]> {
  const pattern = `%${escapeLike(q.typed)}%`;
  const { rows } = await sql<RefRow & { email: string | null; phone: string | null }>`
    SELECT ${REF_COLUMNS}, cu.email, cu.phone
     FROM conversations c
     JOIN customers cu ON cu.id = c.customer_id
     JOIN queues q ON q.id = c.queue_id
     WHERE (cu.name ILIKE ${pattern} ESCAPE '\\' OR cu.email ILIKE ${pattern} ESCAPE '\\' OR cu.phone ILIKE ${pattern} ESCAPE '\\'
            OR ${CUSTOMER_DOCUMENT} @@ ${tsQuery(q.tsQuery)})
       AND ${visibleSql(q.visibility)}
     ORDER BY c.state = 'ended', c.arrived_at DESC, c.id DESC
     LIMIT ${q.limit}`.execute(typed(db));
  return rows.map((row) => ({ conversation: refOf(row), email: row.email, phone: row.phone }));
}

export interface FoundMessage {
  conversation: SearchConversationRef;
  message: { id: string; seq: number; authorKind: 'customer' | 'agent'; authorName: string; createdAt: string; text: string };
  key: TimeKey;
}

/** Customers' and agents' messages with every word (as a prefix), newest first, after `after` when given. */
export async function findMessages(db: Sql, q: { tsQuery: string; visibility: Visibility; after: TimeKey | null; limit: number }): Promise<FoundMessage[]> {
  const after = q.after ? sql`AND (m.created_at, m.id) < (${q.after.at}::timestamptz, ${q.after.id}::uuid)` : sql``;
  const { rows } = await sql<RefRow & { id: string; seq: number; author_kind: 'customer' | 'agent'; author_name: string; created_at: Date | string; text: string; sort_key: string }>`
    SELECT ${REF_COLUMNS}, m.id, m.seq, m.author_kind, m.author_name, m.created_at, m.text,
       ${sql.raw(exactTimeText('m.created_at'))} AS sort_key
     FROM messages m
     JOIN conversations c ON c.id = m.conversation_id
     JOIN customers cu ON cu.id = c.customer_id
     JOIN queues q ON q.id = c.queue_id
     WHERE ${MESSAGE_DOCUMENT} @@ ${tsQuery(q.tsQuery)} AND m.author_kind <> 'system'
       AND ${visibleSql(q.visibility)}
       ${after}
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT ${q.limit}`.execute(typed(db));
  return rows.map((row) => ({
    conversation: refOf(row),
    message: { id: row.id, seq: row.seq, authorKind: row.author_kind, authorName: row.author_name, createdAt: new Date(row.created_at).toISOString(), text: row.text },
    key: { at: row.sort_key, id: row.id },
  }));
}
