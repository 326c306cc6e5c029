import { createRouter, RouterProvider } from '@tanstack/react-router';
import { createQueryClient } from './lib/query-client';
import { routeTree } from './routeTree.gen';
import { startApp } from './start-app';

const queryClient = createQueryClient();
const router = createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent', defaultPreloadStaleTime: 0 });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

void startApp(<RouterProvider router={router} />, queryClient).then(() => {
  // The service worker is for the next start, not this one: registered once the page has loaded,
  // from a chunk of its own. Not in mock mode, where MSW's worker answers the API.
  if (import.meta.env.PROD && !import.meta.env.VITE_USE_MOCKS && 'serviceWorker' in navigator) {
    window.addEventListener('load', () => void import('./lib/service-worker').then((m) => m.startServiceWorker()), { once: true });
  }
});
