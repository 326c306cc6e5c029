import { defineConfig } from '@playwright/test';

/**
 * Two servers built from the same code: a demo workspace for most tests, and an empty one
 * (SEED=none) for the first-visitor setup. Each starts on a fresh PGlite folder.
 */
export const DEMO_URL = 'http://127.0.0.1:8181';
export const EMPTY_URL = 'http://127.0.0.1:8182';
export const DEMO_PASSWORD = 'e2e-demo-password';

const server = (port: number, dataDir: string, extraEnv: string) =>
  `rm -rf ${dataDir} && PORT=${port} HOST=127.0.0.1 DATA_DIR=${dataDir} ${extraEnv} npx tsx src/server/main.ts`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
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
      command: server(8181, '.tmp/e2e-demo', `SEED=demo DEMO_PASSWORD=${DEMO_PASSWORD}`),
      url: `${DEMO_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: server(8182, '.tmp/e2e-empty', 'SEED=none'),
      url: `${EMPTY_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
