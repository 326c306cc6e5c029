import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_URL } from '../../playwright.config';

export interface OwnServer {
  url: string;
  /** With `copyClient`, the copy of the built SPA it serves, which the test may change. */
  clientDir: string | undefined;
  stop: () => void;
}

/**
 * A server of the compiled build for one test, on a fresh PGlite folder, for what must not touch
 * the shared demo workspace: a setting that acts on every conversation of the workspace (the
 * inactivity sweeper would end other specs' seeded chats), or a build the test changes.
 * `portOffset` is added to the suite's port (1 is the empty server; each caller takes its own).
 */
export async function startOwnServer(opts: { portOffset: number; seed: 'demo' | 'none'; copyClient?: boolean }): Promise<OwnServer> {
  const port = Number(new URL(DEMO_URL).port) + opts.portOffset;
  const url = `http://127.0.0.1:${port}`;
  // Nothing may answer there yet: a server left over from an earlier run would be another workspace.
  await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  const root = mkdtempSync(join(tmpdir(), 'cp-own-server-'));
  const clientDir = opts.copyClient ? join(root, 'client') : undefined;
  if (clientDir) cpSync('dist/client', clientDir, { recursive: true });
  const server: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(root, 'data'),
      PUBLIC_URL: url,
      SEED: opts.seed,
      DEMO_PASSWORD,
      ...(clientDir ? { CLIENT_DIR: clientDir } : {}),
    },
    stdio: 'ignore',
  });
  const stop = () => {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await expect(async () => expect((await fetch(`${url}/api/health`)).ok).toBe(true)).toPass({ timeout: 120_000 });
  } catch (err) {
    stop();
    throw err;
  }
  return { url, clientDir, stop };
}
