import type { Plugin } from 'vite';
import { strings } from '../lib/strings.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What the web chat shows first, as plain HTML inside its root: the title bar and the intro, styled
 * like the React page (theme colours, same boxes). A phone on a slow network sees the page at once
 * instead of a blank screen while the scripts load; React replaces it on its first render. The
 * text comes from strings.ts at build time, so it cannot drift from the app's.
 */
export function webchatShell(): Plugin {
  const markup =
    `<div class="cp-shell"><main><h1>${escapeHtml(strings.webchat.title)}</h1><p>${escapeHtml(strings.webchat.intro)}</p></main></div>` +
    '<style>' +
    'body{margin:0;background:#f3f5f8;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}' +
    '.cp-shell{min-height:100vh;display:grid;place-items:center}' +
    '.cp-shell main{box-sizing:border-box;width:100%;max-width:560px;height:100vh;background:#fff;overflow:hidden;border:1px solid rgba(0,0,0,.12);border-radius:8px}' +
    '.cp-shell h1{margin:0;padding:12px 16px;background:#1357b8;color:#fff;font-size:1.25rem;font-weight:500;line-height:1.6}' +
    '.cp-shell p{margin:0;padding:24px;color:rgba(0,0,0,.87);font-size:1rem;line-height:1.5}' +
    '@media (min-width:600px){.cp-shell{padding:16px;box-sizing:border-box}.cp-shell main{height:min(720px,92vh)}}' +
    '</style>';
  return {
    name: 'cp-webchat-shell',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => (ctx.path.endsWith('/webchat.html') ? html.replace('<div id="root"></div>', `<div id="root">${markup}</div>`) : html),
    },
  };
}
