import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { strings } from '../lib/strings.js';
import { theme } from '../lib/theme.js';
import { APP_ICONS, APPLE_TOUCH_ICON, appIcons } from './app-icons.js';

/**
 * The staff panel as an installable app (README, "Installing the panel"): a web manifest, icons,
 * and a service worker that keeps the app shell (the HTML, scripts, styles and icons of the build)
 * so the panel starts without the network and shows its own offline screen, and that shows push
 * notifications (README, "Push notifications"). The API and attachments (/api/*) are never
 * cached: the worker does not answer them at all.
 *
 * injectManifest: the worker is our own code (src/service-worker/sw.ts: precache and navigation
 * route as before, plus the push and notification-click handlers), built by Vite into sw.js with
 * the list of the shell's files, chosen here, put in its place.
 *
 * The web chat is not part of it: customers get no manifest and no worker (it would download the
 * whole staff shell to their browser), and a worker installed by staff leaves /webchat to the network.
 */
export function installableApp(): PluginOption[] {
  return [
    appIcons(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/service-worker',
      filename: 'sw.ts',
      // A new version waits until the user accepts it (src/lib/service-worker.tsx): a reload
      // chosen by the app could interrupt an agent mid-sentence or mid-upload.
      registerType: 'prompt',
      // Registered by our own code after the first paint, not by a script tag in the HTML.
      injectRegister: false,
      manifest: {
        id: '/agent',
        name: strings.appName,
        short_name: strings.app.shortName,
        description: strings.app.description,
        start_url: '/agent',
        scope: '/',
        display: 'standalone',
        theme_color: theme.palette.primary.main,
        background_color: theme.palette.background.default,
        icons: APP_ICONS.filter((i) => i.purpose).map((i) => ({ src: `/${i.fileName}`, sizes: `${i.size}x${i.size}`, type: 'image/png', purpose: i.purpose })),
      },
      injectManifest: {
        // The shell: HTML, hashed scripts and styles, icons and fonts. Not source maps, not the
        // precompressed copies (the server picks those), not the mocks' worker, not the web chat's page.
        globPatterns: ['**/*.{html,js,css,svg,png,woff2}'],
        globIgnores: ['mockServiceWorker.js', 'webchat.html', '**/*.map'],
      },
    }),
    appHeadTags(),
  ];
}

/**
 * The panel's page gets the theme colour and the iOS home-screen icon. vite-plugin-pwa links the
 * manifest from every page: the customers' page loses it, so it never offers to install the staff panel.
 */
function appHeadTags(): Plugin {
  return {
    name: 'cp-app-head-tags',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        ctx.path.endsWith('/webchat.html')
          ? html.replace(/<link rel="manifest"[^>]*>/, '')
          : html.replace(
              '</head>',
              `<meta name="theme-color" content="${theme.palette.primary.main}"><link rel="apple-touch-icon" href="${APPLE_TOUCH_ICON}"></head>`,
            ),
    },
  };
}
