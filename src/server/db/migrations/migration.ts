/**
 * One change to the schema, in a file of its own named after its id. Forward-only: never edit a
 * migration that has shipped; add a new one (and list it in index.ts).
 */
export interface Migration {
  /** Ascending; recorded in schema_migrations once applied. Gaps are fine. */
  id: number;
  name: string;
  /** Runs in one transaction with its bookkeeping row. */
  sql: string;
}
