import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { UpdatePrompt } from '../components/update-prompt';
import { AppTheme } from './app-theme';

/** Browsers look for a new worker when a page loads; a panel left open all day asks once an hour too. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker that keeps the app shell (src/build/installable-app.ts). Loaded
 * from main.tsx after the page has loaded, in a chunk of its own: no part of the first load.
 * When a new build's worker has installed, it waits; the prompt asks the user to reload, and the
 * reload lets it take over (Workbox's skip-waiting message) and loads the page from the new shell.
 */
export function startServiceWorker() {
  let prompting = false;
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      if (prompting) return;
      prompting = true;
      showUpdatePrompt(() => void update(true));
    },
    onRegisteredSW(_url, registration) {
      // Offline, the check fails; the next one will do.
      if (registration) setInterval(() => registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });
}

/** Its own small React root, so it shows over any page (login, panel, error) without the router. */
function showUpdatePrompt(onReload: () => void) {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(
    <StrictMode>
      <AppTheme>
        <UpdatePrompt onReload={onReload} />
      </AppTheme>
    </StrictMode>,
  );
}
