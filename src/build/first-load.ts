import { gzipSync } from 'node:zlib';
import type { Rolldown } from 'vite';

/**
 * Code only staff use: their features, the router and its route files, the staff entry, the mocks.
 * Matches a bundle's module ids and a source map's sources alike; no chunk the web chat loads may hold one.
 */
export const STAFF_MODULE = /\/src\/(features\/(?!webchat\/)[^/]+\/|routes\/|main\.tsx|routeTree\.gen\.ts|mocks\/)|\/node_modules\/@tanstack\/(react-)?router/;

/**
 * A page's first load: the JavaScript a browser fetches before the page can be used, found in the
 * production bundle. `entry` is the HTML page's entry chunk; `routeChunks` picks the router's split
 * route chunks that page also needs at once (the staff panel's pages after login).
 */
export interface FirstLoadPage {
  page: string;
  entry: 'index' | 'webchat';
  routeChunks?: RegExp;
  /** Issue 11's budget: KB of JavaScript, gzipped (level 9, as the build writes the .gz files). */
  goalKb: number;
  /**
   * While a page is still over its goal: the most it may weigh, so that it cannot grow unnoticed.
   * Lower it as the page shrinks; remove it once the goal is met.
   */
  ceilingKb?: number;
}

export const FIRST_LOAD_PAGES: FirstLoadPage[] = [
  // Within its goal again once the admin, supervision and web-chat route tables left the entry (issue 16);
  // over it (205.5) since issue 17: Lingui's runtime and the language switch (about 4 KB), MUI's
  // light and dark schemes as CSS variables, and chunks Rolldown split anew around them.
  // Within it again, 205.5 -> 174.4, once zod and the contract's schemas left the staff panel's
  // first load (staff-routes.ts: answers are not parsed again in the browser; search params
  // checked by hand; the realtime frames' schema loads with the socket).
  // 174.7 -> 167.1 with the login card's fields drawn by the browser (components/native-field.tsx).
  // 167.1 -> 169.5 when TanStack Query became a chunk of its own (vite.config.ts): whole, where the
  // automatic split had left out hooks only pages after login use (/agent 200.6 -> 198.6 by it).
  { page: '/login', entry: 'index', goalKb: 200 },
  // 141 -> 148 with issue 17 (147.9): the language runtime and switcher, and both colour schemes.
  // 147.6 (measured) when zod left the staff panel's first loads below; the ceiling stays.
  // 148 -> 141 (147.8 -> 140.3): the start form's fields and the language switch are the browser's
  // own (components/native-field.tsx), without MUI's FormControl, OutlinedInput and NativeSelect.
  // Within the goal, 140.3 -> 117.5: the start form reads and writes without TanStack Query (which
  // comes with the chat, hooks/use-request.ts), and its button and error messages are the
  // browser's own (components/native-button.tsx, native-alert.tsx) instead of MUI's Button with
  // ButtonBase and its ripple, and Alert with its icons. What is left is React (about 66 KB), MUI's
  // styling core with emotion and the theme (about 32 KB), the language runtime and the page.
  { page: '/webchat', entry: 'webchat', goalKb: 120 },
  // The agent's page just after login: the layout (_staff), the agent route and its index. Ceiling
  // 257 -> 255 once each staff area's strings became modules of their own (the admin, supervisor,
  // settings and preferences sentences had ridden along in the frame's shared strings chunk).
  // 255 -> 256 when the phone layout, push devices and sessions per device joined it (255.1).
  // 256 -> 258 when channels (badges, limits), canned responses (their realtime handler), wrap-up
  // (row menus) and the Picklist's waiting limit joined it (257.1), each lazy where it could be;
  // the next cut is TanStack Virtual (10 KB of the list's chunk) and zod in the response checks.
  // 258 -> 259 when the search box, the side panel's remembered state and the mention notice's
  // event joined it (258.1 after the composer's words left the shared strings); results, notes'
  // cards and the notice itself load on first use.
  // 259 -> 270 with issue 17 (269.1): the language runtime, both colour schemes, the shortcut
  // registry, the screen-reader announcer and the skip links (the ? overlay loads on first use).
  // 270 -> 237 (269.1 -> 236.2) without zod and the contract's schemas (as /login above); the
  // next cut is still TanStack Virtual.
  // 237 -> 238 (237.5) when the role under the user's name and the lists' region names moved into
  // the catalogs (issue 17: every word the agent reads in their language).
  // 238 -> 218 (237.5 -> 217.1): the conversation lists window their equal-height rows themselves
  // instead of with TanStack Virtual (use-row-window.ts; the thread keeps it), the lists' three tabs
  // are a small tab strip instead of MUI's Tabs, the route placeholder is drawn with plain boxes,
  // and React is a chunk of its own (the automatic split had moved sizes by up to 1 KB).
  // 218 -> 212 (217.1 -> 211.7): the header, the workload, the connection and the rows' tags are
  // drawn without MUI's AppBar, Toolbar and Chip (components/tag.tsx), the tabs' counts without Badge.
  // 212 -> 211 (210.6): the rows' button is a ButtonBase styled as ListItemButton draws it.
  // Within the goal, 210.6 -> 199.8: the login card's fields (in the entry, which every staff page
  // loads) are the browser's own (components/native-field.tsx) instead of MUI's outlined field parts;
  // desktop notifications' code loads when the page is idle or at the first alert (use-notifier.ts);
  // the side panel's, chat pane's, offer card's, sort field's, presence notice's and 403 pages'
  // sentences left the agent page's strings for modules loaded with them.
  { page: '/agent', entry: 'index', routeChunks: /\/src\/routes\/_staff(\.tsx|\/agent\.tsx|\/agent\.index\.tsx)\?tsr-split/, goalKb: 200 },
];

/** Chunks a page loads at once: its entry, the chosen route chunks, and everything they import statically. */
export function firstLoadChunks(bundle: Rolldown.OutputBundle, page: FirstLoadPage): Rolldown.OutputChunk[] {
  const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry && c.name === page.entry);
  if (!entry) throw new Error(`No entry chunk named ${page.entry}`);
  const roots = [entry, ...(page.routeChunks ? chunks.filter((c) => page.routeChunks!.test(c.facadeModuleId ?? '')) : [])];
  const seen = new Map<string, Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  roots.forEach(visit);
  return [...seen.values()];
}

export const gzipKb = (code: string | Uint8Array) => Math.round(gzipSync(code, { level: 9 }).length / 102.4) / 10;

/** Each page's first-load JavaScript in KB gzip, with its chunk count and the biggest libraries or source folders in it. */
export function firstLoadSizes(bundle: Rolldown.OutputBundle) {
  return FIRST_LOAD_PAGES.map((page) => {
    const chunks = firstLoadChunks(bundle, page);
    const kb = Math.round(chunks.reduce((sum, c) => sum + gzipKb(c.code), 0) * 10) / 10;
    return { ...page, kb, chunks: chunks.length, largest: largestParts(chunks) };
  });
}

/** The heaviest packages (node_modules) and source folders, by size before minifying: where to look first. */
function largestParts(chunks: Rolldown.OutputChunk[], count = 6) {
  const sizes = new Map<string, number>();
  for (const chunk of chunks) {
    for (const [id, module] of Object.entries(chunk.modules)) {
      const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
      const part = inPackage ? inPackage[1]! : (/\/(src\/[^/?]+(?:\/[^/?]+)?)/.exec(id)?.[1] ?? id);
      sizes.set(part, (sizes.get(part) ?? 0) + module.renderedLength);
    }
  }
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([part, bytes]) => `${part} ${Math.round(bytes / 1024)}`)
    .join(', ');
}
