import { readFileSync } from 'node:fs';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import type { Plugin } from 'vite';

/** The catalogs: src/locales/<locale>/<module>.json, each a flat map of message id to ICU message. */
const CATALOG = /[\\/]src[\\/]locales[\\/][a-z]{2}(?:-[A-Z]{2})?[\\/][^\\/]+\.json$/;

/** One catalog's messages compiled for @lingui/core: what Lingui's own compile step produces, as JSON. */
export function compileCatalog(source: Record<string, string>, file = 'catalog'): Record<string, string | CompiledMessage> {
  const out: Record<string, string | CompiledMessage> = {};
  for (const [id, message] of Object.entries(source)) {
    try {
      const compiled = compileMessageOrThrow(message);
      // Plain text stays a string, as Lingui's compiler writes it (and as the server, reading a
      // catalog as plain JSON, sees it: src/domain/prompt-changes.ts); src/lib/i18n.ts's `t`
      // returns such a message itself.
      out[id] = compiled.length === 1 && typeof compiled[0] === 'string' ? compiled[0] : compiled;
    } catch (err) {
      throw new Error(`${file}: message ${id} is not valid ICU: ${(err as Error).message}`);
    }
  }
  return out;
}

/**
 * Compiles the message catalogs at build time (README "Languages"): the browser gets ready
 * message arrays, so it carries no ICU parser, only @lingui/core's few KB of interpolation.
 * A catalog stays JSON in the bundle: Vite's JSON step turns the compiled text into a module.
 */
export function linguiCatalogs(): Plugin {
  return {
    name: 'lingui-catalogs',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      if (!CATALOG.test(file)) return null;
      const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      return JSON.stringify(compileCatalog(source, file));
    },
  };
}
