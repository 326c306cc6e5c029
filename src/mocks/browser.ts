import { setupWorker } from 'msw/browser';
import { REALTIME_PATH } from '../contract/api';
import { handlers } from './handlers';

/**
 * Starts the service worker that answers the API in `npm run dev:mock`. Resolves once the worker
 * is ready, so the SPA's first requests are already mocked.
 */
export async function startMockWorker(): Promise<void> {
  const worker = setupWorker(...handlers);
  await worker.start({
    quiet: false,
    onUnhandledRequest(request, print) {
      const { pathname } = new URL(request.url);
      // The realtime socket has no mock. Vite's dev server takes the connection and never
      // answers, so the realtime client must treat a socket without a `ready` frame as down.
      if (pathname === REALTIME_PATH) return;
      // Not reached while `notFoundHandler` answers every other /api path; kept so that an API
      // call nobody answers fails loudly (MSW turns the throw into a 500) instead of getting
      // Vite's index.html.
      if (pathname.startsWith('/api/')) {
        print.error();
        throw new Error(`[mocks] ${request.method} ${pathname} was not answered by any handler.`);
      }
      // Vite's modules, HMR and assets go to the dev server.
    },
  });
}
