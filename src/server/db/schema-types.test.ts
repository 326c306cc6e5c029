import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, describePostgresOnly } from '../test-support/databases';
import { SCHEMA_TYPES_FILE, renderMigratedSchemaTypes, renderSchemaTypes } from './schema-types';

// The typed queries are only as true as schema.gen.ts: it must be what the migrations make.
describe('schema.gen.ts', () => {
  it('matches the migrations (after adding one, run `npm run db:types`)', async () => {
    const committed = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
    expect(await renderMigratedSchemaTypes(), 'schema.gen.ts is out of date: run `npm run db:types`').toBe(committed);
    // Migrating a fresh PGlite takes tens of seconds on a busy machine.
  }, 120_000);
});

describePostgresOnly('schema.gen.ts on PostgreSQL', () => {
  it('is also what the migrations make on PostgreSQL', async () => {
    const test = await createTestDatabase('postgres');
    try {
      expect(await renderSchemaTypes(test.db)).toBe(readFileSync(SCHEMA_TYPES_FILE, 'utf8'));
    } finally {
      await test.dispose();
    }
  });
});
