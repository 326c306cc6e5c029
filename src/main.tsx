import { QueryClientProvider } from '@tanstack/react-query';
import { createRouter, RouterProvider } from '@tanstack/react-router';
import { sessionQueryOptions } from './features/auth/api/get-session';
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

// The first page's code and the session check start with the entry, side by side: left to the
// router, each would wait for the one before (language, session, preferences, then each route's
// chunk in turn), a chain of round trips before the panel's first list could even be asked for.
const [firstRoutes] = router.getMatchedRoutes(window.location.pathname);
for (const route of firstRoutes) void router.loadRouteChunk(route)?.catch(() => undefined);
if (firstRoutes.some((route) => route.id === '/_staff')) void queryClient.prefetchQuery(sessionQueryOptions());

void startApp(
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
  </QueryClientProvider>,
).then(() => {
  // The service worker is for the next start, not this one: registered once the page has loaded,
  // from a chunk of its own. Not in mock mode, where MSW's worker answers the API.
  if (import.meta.env.PROD && !import.meta.env.VITE_USE_MOCKS && 'serviceWorker' in navigator) {
    window.addEventListener('load', () => void import('./lib/service-worker').then((m) => m.startServiceWorker()), { once: true });
  }
});
