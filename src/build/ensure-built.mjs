// `npm start` runs the compiled server with plain Node. This runs first (as `prestart`) and builds
// only when the build is missing or was made from other sources, so a fresh checkout still starts
// with one command while a deployed build starts at once (and needs no dev dependencies).
// Plain JavaScript on purpose: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { SOURCES_STAMP, sourcesHash } from './sources-hash.mjs';

const OUTPUTS = ['dist/server/main.js', 'dist/client/index.html'];

const built = OUTPUTS.every((f) => existsSync(f));
// A deployment may ship only dist/: then there is nothing to compare with, and the build stands.
const hasSources = existsSync('src');
const current = built && (!hasSources || (existsSync(SOURCES_STAMP) && readFileSync(SOURCES_STAMP, 'utf8').trim() === sourcesHash()));

if (!current) {
  console.log(built ? 'The sources changed since the last build: building…' : 'No build yet: building…');
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
