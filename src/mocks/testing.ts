import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { api, type RouteName } from '../contract/api';
import { allRoutes } from '../contract/all-routes';
import { LoginResponseSchema, type User } from '../contract/auth';
import type { RealtimeFrame } from '../contract/events';
import type { ApiErrorBody } from '../contract/errors';
import { frameFor } from '../domain/event-visibility';
import { MOCK_PASSWORD, resetMockData } from './data';
import { onMockEvent } from './event-log';
import { server } from './node';
import { SESSION_COOKIE } from './sessions';

/*
 * For tests that run the SPA's code (jsdom) against the mock API instead of stubbing `fetch`: MSW
 * answers every request and the realtime socket as `npm run dev:mock` does, so a test sees what the
 * handlers (and, through the conformance scenarios, the server) would answer.
 */

/** Every request the mocks answered in this test, as `METHOD /path?query`. */
const answered: string[] = [];

/**
 * Registers the test file's hooks: the mock API listens (an unanswered request fails the test),
 * each test starts on a fresh demo workspace with nobody logged in, and its requests are recorded.
 */
export function setUpMockApi(): void {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      answered.push(`${request.method} ${url.pathname}${url.search}`);
    });
  });
  beforeEach(() => {
    resetMockData();
    answered.length = 0;
  });
  // A test's own answers end with it; so does the session cookie the mocked login set (MSW hands it to document.cookie).
  afterEach(() => {
    server.resetHandlers();
    if (typeof document !== 'undefined') document.cookie = `${SESSION_COOKIE}=; Path=/; Max-Age=0`;
  });
  afterAll(() => {
    server.events.removeAllListeners();
    server.close();
  });
}

/** The requests answered so far in this test, oldest first. */
export const answeredRequests = (): readonly string[] => answered;

/**
 * Logs a demo user in as the login page does: the page's later requests carry their session. The
 * token lets a test act as a second user (a bearer token goes before the page's cookie).
 */
export async function logInMock(username: string): Promise<{ user: User; token: string }> {
  const response = await fetch(api.login.path, {
    method: api.login.method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: MOCK_PASSWORD }),
  });
  if (!response.ok) throw new Error(`mock login of ${username}: ${response.status}`);
  return LoginResponseSchema.parse(await response.json());
}

/**
 * The next call of `route` fails as a server in trouble would, which the mocks never do on their
 * own (a database away, a proxy's error): answered with `status` and `body` once `release` resolves.
 */
export function failNext(route: RouteName, status: number, body: ApiErrorBody, release: Promise<void> = Promise.resolve()): void {
  const { method, path } = allRoutes[route];
  const verb = method.toLowerCase() as Lowercase<typeof method>;
  server.use(
    http[verb](
      `*${path}`,
      async () => {
        await release;
        return HttpResponse.json(body, { status });
      },
      { once: true },
    ),
  );
}

/** The frames `user`'s realtime socket gets for what `act` changes in the mock workspace. */
export async function framesFor(user: User, act: () => unknown): Promise<RealtimeFrame[]> {
  const frames: RealtimeFrame[] = [];
  const stop = onMockEvent((entry) => {
    const frame = frameFor({ kind: 'staff', user }, entry);
    if (frame) frames.push(frame);
  });
  try {
    await act();
  } finally {
    stop();
  }
  return frames;
}
