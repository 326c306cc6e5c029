// The last step of `npm run build`: records which sources this build was made from.
import { writeFileSync } from 'node:fs';
import { SOURCES_STAMP, sourcesHash } from './sources-hash.mjs';

writeFileSync(SOURCES_STAMP, `${sourcesHash()}\n`);
