// `npm run db:types`: rewrites schema.gen.ts from the migrations. Run it after adding a migration.
import { writeFileSync } from 'node:fs';
import { SCHEMA_TYPES_FILE, renderMigratedSchemaTypes } from './schema-types';

writeFileSync(SCHEMA_TYPES_FILE, await renderMigratedSchemaTypes());
console.log(`Wrote ${SCHEMA_TYPES_FILE}`);
