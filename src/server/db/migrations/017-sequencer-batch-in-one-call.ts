import type { Migration } from './migration';

export default {
  id: 17,
  name: 'the sequencer numbers a batch in one statement',
  sql: `
-- One numbering pass of the sequencer (src/server/realtime/sequencer.ts) as one call, so a pass
-- is one round trip in autocommit instead of four (BEGIN, lock, numbering, COMMIT). VOLATILE
-- matters: each statement of a volatile function takes a fresh snapshot, so the numbering, run
-- after the lock is granted, sees everything the previous holder committed. The lock is
-- transaction-scoped, so it is released after this call's transaction has committed, as before.
-- Returns (NULL, NULL) when another session holds the lock and p_wait is false; otherwise how
-- many rows it numbered and the last seq it gave (NOTIFYing p_channel with it when any).
CREATE FUNCTION sequence_events_batch(p_lock bigint, p_limit integer, p_channel text, p_wait boolean)
RETURNS TABLE (numbered_rows integer, last_numbered bigint)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_numbered integer;
  v_last bigint;
BEGIN
  IF p_wait THEN
    PERFORM pg_advisory_xact_lock(p_lock);
  ELSIF NOT pg_try_advisory_xact_lock(p_lock) THEN
    RETURN QUERY SELECT NULL::integer, NULL::bigint;
    RETURN;
  END IF;
  WITH pending AS (SELECT id FROM events WHERE seq IS NULL ORDER BY id LIMIT p_limit),
  ranked AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM pending),
  counter AS (
    UPDATE event_counter SET value = value + (SELECT count(*) FROM pending)
    WHERE EXISTS (SELECT 1 FROM pending) RETURNING value
  ),
  assigned AS (
    UPDATE events e SET seq = counter.value - ranked.total + ranked.n
    FROM ranked, counter WHERE e.id = ranked.id RETURNING e.seq
  )
  SELECT count(*)::integer, max(assigned.seq) INTO v_numbered, v_last FROM assigned;
  IF v_numbered > 0 THEN
    PERFORM pg_notify(p_channel, v_last::text);
  END IF;
  RETURN QUERY SELECT v_numbered, v_last;
END
$fn$;
`,

} satisfies Migration;
