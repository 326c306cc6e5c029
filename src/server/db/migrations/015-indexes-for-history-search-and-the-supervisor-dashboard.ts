import type { Migration } from './migration';

export default {
  id: 15,
  name: 'indexes for History search and the supervisor dashboard',
  sql: `
-- History search matches any part of a customer's name, email or phone: trigram indexes let it
-- find the few matching customers instead of reading them all. pg_trgm ships with PostgreSQL's
-- contrib and with PGlite; where it cannot be installed the search still works, by scanning.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%); History search will scan customers', SQLERRM;
END $$;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    -- fastupdate off: no pending list that searches would read through until the next vacuum.
    CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops) WITH (fastupdate = off);
    CREATE INDEX customers_email_trgm ON customers USING gin (email gin_trgm_ops) WITH (fastupdate = off);
    CREATE INDEX customers_phone_trgm ON customers USING gin (phone gin_trgm_ops) WITH (fastupdate = off);
  END IF;
END $$;

-- The dashboard counts open conversations per queue and state: read from this small index
-- instead of every conversation ever had.
CREATE INDEX conversations_open_by_queue_state ON conversations(queue_id, state) WHERE state IN ('queued', 'offered', 'picked');
`,
} satisfies Migration;
