import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (dist/client/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(clientDir: string): Manifest {
  return JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The chunks a page downloads before it can run: its entry and, transitively, what those import
 * statically (the HTML preloads exactly these). With `dynamic`, also every chunk it may load later.
 */
export function chunkGraph(manifest: Manifest, entry: string, opts: { dynamic?: boolean } = {}): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
    if (opts.dynamic) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file);
}

/** Bytes of the page's first-load JavaScript once gzipped (level 9, as the build writes it). */
export function firstLoadJsGzipBytes(clientDir: string, manifest: Manifest, entry: string): number {
  return chunkGraph(manifest, entry)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length, 0);
}
