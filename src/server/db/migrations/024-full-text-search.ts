import type { Migration } from './migration';

/*
 * The panel's search (src/server/search): expression indexes rather than stored tsvector columns,
 * so no row grows and no write path changes; the search's WHERE clauses repeat these expressions
 * exactly (search-store.ts), which is what lets the planner use them. 'simple': words as written,
 * lower-cased, in any language, so a prefix typed finds the word whatever its language.
 */
export default {
  id: 24,
  name: 'full-text search of messages and customers',
  sql: `
-- What customers and agents wrote; system lines ("… joined the conversation") are never searched.
-- GIN's pending list left on (the default): a send adds to it cheaply instead of updating the
-- index's tree on the send's path.
CREATE INDEX messages_text_fts ON messages USING gin (to_tsvector('simple'::regconfig, text))
  WHERE author_kind <> 'system';

-- A customer's name, email and phone as one document: "smith anna" finds Anna Smith. Customers
-- change rarely: no pending list (as migration 15's trigram indexes).
CREATE INDEX customers_fts ON customers USING gin (
  to_tsvector('simple'::regconfig, name || ' ' || coalesce(email, '') || ' ' || coalesce(phone, ''))
) WITH (fastupdate = off);
`,
} satisfies Migration;
