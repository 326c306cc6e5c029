import type { Plugin } from 'vite';
import { strings } from '../lib/strings.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Page background and font, as the theme and CssBaseline set them. */
const BASE_CSS =
  'body{margin:0;background:#f3f5f8;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}' +
  // The dark scheme's, when public/color-scheme.js has put the class on the html element.
  'html.dark body{background:#121417}html.dark .cp-shell main{background:#1c1f24;border-color:rgba(255,255,255,.12)}';

/** The web chat's title bar and intro, in the boxes of webchat-page.tsx. */
const WEBCHAT_SHELL =
  `<div class="cp-shell"><main><h1>${escapeHtml(strings.webchat.title)}</h1><p>${escapeHtml(strings.webchat.intro)}</p></main></div>` +
  '<style>' +
  BASE_CSS +
  '.cp-shell{min-height:100vh;display:grid;place-items:center}' +
  '.cp-shell main{box-sizing:border-box;width:100%;max-width:560px;height:100vh;background:#fff;overflow:hidden;border:1px solid rgba(0,0,0,.12);border-radius:8px}' +
  '.cp-shell h1{margin:0;padding:12px 16px;background:#1357b8;color:#fff;font-size:1.25rem;font-weight:500;line-height:1.6}' +
  '.cp-shell p{margin:0;padding:24px;color:rgba(0,0,0,.87);font-size:1rem;line-height:1.5}' +
  '@media (min-width:600px){.cp-shell{padding:16px;box-sizing:border-box}.cp-shell main{height:min(720px,92vh)}}' +
  'html.dark .cp-shell h1{background:#8ab4f8;color:rgba(0,0,0,.87)}html.dark .cp-shell p{color:#fff}' +
  '</style>';

/**
 * The staff panel's: the product name in the card that login and setup show (auth-card.tsx), with
 * the overline's exact type. Any panel address shows it while the scripts load; on /login it is
 * also the largest text, so the page's largest paint happens with the HTML, not after the scripts.
 */
const PANEL_SHELL =
  `<div class="cp-shell"><main><p>${escapeHtml(strings.appName)}</p></main></div>` +
  '<style>' +
  BASE_CSS +
  '.cp-shell{min-height:100vh;display:grid;place-items:center;padding:16px;box-sizing:border-box}' +
  '.cp-shell main{box-sizing:border-box;width:100%;max-width:400px;padding:32px;background:#fff;border:1px solid rgba(0,0,0,.12);border-radius:8px}' +
  '.cp-shell p{margin:0;color:#1357b8;font-size:.75rem;font-weight:400;line-height:2.66;letter-spacing:.08333em;text-transform:uppercase}' +
  'html.dark .cp-shell p{color:#8ab4f8}' +
  '</style>';

/**
 * What each page shows first, as plain HTML inside its root, styled like the React page (theme
 * colours, same boxes): a phone on a slow network sees the page at once instead of a blank screen
 * while the scripts load; React replaces it on its first render. The text comes from strings.ts at
 * build time, so it cannot drift from the app's.
 */
export function pageShells(): Plugin {
  return {
    name: 'cp-page-shells',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => {
        const shell = ctx.path.endsWith('/webchat.html') ? WEBCHAT_SHELL : ctx.path.endsWith('/index.html') ? PANEL_SHELL : undefined;
        return shell ? html.replace('<div id="root"></div>', `<div id="root">${shell}</div>`) : html;
      },
    },
  };
}
