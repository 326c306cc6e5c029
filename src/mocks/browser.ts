import { setupWorker } from 'msw/browser';
import { installDevTools } from './dev-tools';
import { onMockEvent } from './event-log';
import { handlers } from './handlers';
import { forgetMockData, MOCK_STATE_KEY, restoreMockData, saveMockData } from './persistence';
import { realtimeHandler, resyncSockets } from './realtime-socket';

/** `?reset-mocks` on any dev:mock URL starts again from the seed (so does `mockDev.reset()`). */
const RESET_PARAM = 'reset-mocks';

function resetAndReload() {
  forgetMockData(localStorage);
  const url = new URL(window.location.href);
  url.searchParams.delete(RESET_PARAM);
  window.location.replace(url);
}

/**
 * Starts the service worker that answers the API in `npm run dev:mock`, with the workspace kept
 * from the last visit (persistence.ts) and the realtime socket mocked (realtime-socket.ts).
 * Resolves once the worker is ready, so the SPA's first requests are already mocked.
 */
export async function startMockWorker(): Promise<void> {
  if (new URL(window.location.href).searchParams.has(RESET_PARAM)) return resetAndReload();
  restoreMockData(localStorage);
  const worker = setupWorker(...handlers, realtimeHandler);
  // Every answer and every event may have changed the workspace: keep it for the next reload.
  worker.events.on('response:mocked', () => saveMockData(localStorage));
  onMockEvent(() => saveMockData(localStorage));
  // Another tab changed the workspace: take its version, so the tabs do not undo each other.
  window.addEventListener('storage', (e) => {
    if (e.key === MOCK_STATE_KEY && e.newValue && restoreMockData(localStorage)) resyncSockets();
  });
  installDevTools(resetAndReload);
  await worker.start({
    quiet: false,
    onUnhandledRequest(request, print) {
      const { pathname } = new URL(request.url);
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
