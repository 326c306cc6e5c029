// '.js' endings: Vite's coming native config loader (Node) needs them; TypeScript maps them to the .ts files.
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { installableApp } from './src/build/installable-app.js';
import { linguiCatalogs } from './src/build/lingui-catalogs.js';
import { precompress } from './src/build/precompress.js';
import { pageShells } from './src/build/page-shells.js';

// `npm run dev` proxies the API to the server started beside it; `npm run dev:mock` (mode "mock")
// serves the SPA alone and answers the API with MSW handlers in the browser.
export default defineConfig(({ mode }) => ({
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      // The login page ships with the entry: split off, it would be fetched only once the router has
      // run (and asked whether setup is needed), a second round trip before anything is painted.
      codeSplittingOptions: {
        splitBehavior: ({ routeId }) => (routeId === '/login' ? [] : undefined),
        // A loader travels with its page: left in the route definition, it would pull the page's
        // query code (and what that imports) into the entry. One chunk brings both, as before loaders.
        defaultBehavior: [['loader', 'component'], ['errorComponent'], ['pendingComponent'], ['notFoundComponent']],
      },
    }),
    react(),
    // The message catalogs, compiled to Lingui's message arrays at build time (README "Languages").
    linguiCatalogs(),
    pageShells(),
    precompress(),
    // The staff panel as an installable app: manifest, icons, the service worker (README).
    installableApp(),
  ],
  define: { 'import.meta.env.VITE_USE_MOCKS': JSON.stringify(mode === 'mock') },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Two pages: the staff panel, and the customers' web chat with none of the staff code.
      input: { index: 'index.html', webchat: 'webchat.html' },
      output: {
        codeSplitting: {
          // React on its own: every page needs all of it, it changes only with an upgrade (so it stays
          // cached across releases), and leaving it to the automatic split moved page sizes by up
          // to 1 KB with unrelated changes, as modules landed in other shared chunks. TanStack Query
          // likewise: the staff pages and the web chat's conversation share it (not its start form),
          // and split automatically it scattered over six small chunks (/agent 200.6 KB, not 198.4).
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy:
      mode === 'mock'
        ? undefined
        : {
            '/api/realtime': { target: 'ws://localhost:8080', ws: true },
            '/api': 'http://localhost:8080',
          },
  },
}));
