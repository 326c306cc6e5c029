import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { Plugin } from 'vite';

const SOURCE = new URL('./app-icon.svg', import.meta.url);

/**
 * Every raster icon of the installed app. `purpose` puts it in the web manifest: 'any' icons get
 * rounded corners like the favicon, the maskable one stays full bleed for the platform to cut.
 * The apple-touch-icon is full bleed too (iOS rounds it) and is linked from the page, not the manifest.
 */
export const APP_ICONS = [
  { fileName: 'icons/icon-192.png', size: 192, purpose: 'any', rounded: true },
  { fileName: 'icons/icon-512.png', size: 512, purpose: 'any', rounded: true },
  { fileName: 'icons/maskable-512.png', size: 512, purpose: 'maskable', rounded: false },
  { fileName: 'icons/apple-touch-icon.png', size: 180, purpose: undefined, rounded: false },
] as const;

export const APPLE_TOUCH_ICON = `/${APP_ICONS[3].fileName}`;

/** The corner of the 'any' icons, in the source's 512 units: the favicon's 7 of 32. */
const CORNER = 112;

/** The source drawing inside a rounded clip (the source is full bleed). */
const rounded = (svg: string) =>
  svg
    .replace(/<svg[^>]*>/, `$&<clipPath id="corner"><rect width="512" height="512" rx="${CORNER}"/></clipPath><g clip-path="url(#corner)">`)
    .replace(/<\/svg>\s*$/, '</g></svg>');

// The WebAssembly renderer can be started only once per process, but Vite loads its config (and
// this module with it) anew for each build: the bench builds several times in one process. So the
// start is remembered on the process, not in this module.
const started = globalThis as { resvgStarted?: Promise<void> };
const startRenderer = () =>
  (started.resvgStarted ??= readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')).then(initWasm));

/** One icon as PNG bytes. */
export async function renderIcon(svg: string, size: number, withCorners: boolean): Promise<Uint8Array> {
  await startRenderer();
  return new Resvg(withCorners ? rounded(svg) : svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/**
 * Draws the app icons from src/build/app-icon.svg at build time, so the PNGs can never drift from
 * their source and none is committed. WebAssembly rather than a native image library: nothing to
 * compile or download for a platform, and four small icons do not need more.
 */
export function appIcons(): Plugin {
  return {
    name: 'cp-app-icons',
    apply: 'build',
    async generateBundle() {
      const svg = await readFile(SOURCE, 'utf8');
      for (const icon of APP_ICONS) {
        this.emitFile({ type: 'asset', fileName: icon.fileName, source: await renderIcon(svg, icon.size, icon.rounded) });
      }
    },
  };
}
