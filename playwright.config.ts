import { defineConfig } from '@playwright/test';

/**
 * Two servers built from the same code: a demo workspace for most tests, and an empty one
 * (SEED=none) for the first-visitor setup. Each starts on a fresh PGlite folder. They run the
 * compiled server, as production does (`npm test` builds first; run `npm run build` before
 * `npx playwright test` after changing code).
 */
// E2E_PORT moves both servers, so two checkouts (or two people) can run the suite side by side.
const DEMO_PORT = Number(process.env.E2E_PORT ?? 8181);
const EMPTY_PORT = DEMO_PORT + 1;
export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
export const EMPTY_URL = `http://127.0.0.1:${EMPTY_PORT}`;
export const DEMO_PASSWORD = 'e2e-demo-password';
/** The Conversation API stand-in that channels.spec.ts starts; the demo server is pointed at it. */
export const SINCH_STAND_IN_PORT = DEMO_PORT + 500;
const SINCH_STAND_IN_URL = `http://127.0.0.1:${SINCH_STAND_IN_PORT}`;

const server = (port: number, dataDir: string, extraEnv: string) =>
  `rm -rf ${dataDir} && PORT=${port} HOST=127.0.0.1 DATA_DIR=${dataDir} ${extraEnv} node dist/server/main.js`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.E2E_PORT ? `test-results-${process.env.E2E_PORT}` : 'test-results',
  fullyParallel: false,
  // Two cores: one worker keeps timings stable for the realtime scenarios.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: DEMO_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Each new browser context would install the panel's service worker and precache the whole
    // shell (about 1.2 MB) beside the test's own requests; pwa.spec.ts allows it where it is tested.
    serviceWorkers: 'block',
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download is not reachable here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
      ],
    },
  },
  webServer: [
    {
      // The suite starts more web chats from one address than a real network would.
      command: server(DEMO_PORT, `.tmp/e2e-demo-${DEMO_PORT}`, `SEED=demo DEMO_PASSWORD=${DEMO_PASSWORD} RATE_LIMIT_MULTIPLIER=20 PUBLIC_URL=${DEMO_URL} SINCH_CONVERSATION_URL=${SINCH_STAND_IN_URL} SINCH_AUTH_URL=${SINCH_STAND_IN_URL}`),
      url: `${DEMO_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: server(EMPTY_PORT, `.tmp/e2e-empty-${EMPTY_PORT}`, 'SEED=none'),
      url: `${EMPTY_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
