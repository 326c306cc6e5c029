import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { api, type RouteDef } from '../../contract/api';
import { webchatApi } from '../../contract/webchat-api';
import { searchApi } from '../../contract/search-api';
import { bearerToken, SESSION_COOKIE } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import { ApiError } from '../http/api-error';

/** At most `max` counted requests per key within `windowMs`; the window then starts afresh. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Every limit of the server, in one place. Counters live in this instance's memory (see the
 * README: with several instances each allows this much). RATE_LIMIT_MULTIPLIER scales every `max`.
 */
export interface RateLimits {
  /** Failed logins per username and IP; successful ones are not counted. */
  loginFailures: RateLimit;
  /** First-run setup attempts per IP. */
  setup: RateLimit;
  /** Web chats started per IP. */
  webchatStart: RateLimit;
  /** Messages per customer token. */
  customerMessages: RateLimit;
  /** File uploads per customer token. */
  customerUploads: RateLimit;
  /** Push devices registered, and removed, per staff session (each counted on its own). */
  deviceChanges: RateLimit;
  /** Searches per staff session (the panel searches as its user types, after a pause). */
  staffSearches: RateLimit;
}

const MINUTE = 60_000;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginFailures: { max: 10, windowMs: 15 * MINUTE },
  setup: { max: 10, windowMs: 15 * MINUTE },
  // Generous: many customers can share one address behind a company or carrier NAT.
  webchatStart: { max: 20, windowMs: 10 * MINUTE },
  customerMessages: { max: 60, windowMs: MINUTE },
  customerUploads: { max: 20, windowMs: 10 * MINUTE },
  // A browser registers once when its user turns push on; an app when it starts or its token changes.
  deviceChanges: { max: 30, windowMs: 10 * MINUTE },
  // Each search reads indexes over every message: a person typing stays far below this, a script does not.
  staffSearches: { max: 120, windowMs: MINUTE },
};

/** Failed logins answered at once; each one after them waits a little longer (capped), before the 429. */
const LOGIN_FAILURES_BEFORE_SLOWDOWN = 3;
const LOGIN_SLOWDOWN_STEP_MS = 250;
const LOGIN_SLOWDOWN_MAX_MS = 2000;

export function scaledRateLimits(limits: RateLimits, multiplier: number): RateLimits {
  const scale = ({ max, windowMs }: RateLimit): RateLimit => ({ max: Math.max(1, Math.round(max * multiplier)), windowMs });
  return {
    loginFailures: scale(limits.loginFailures),
    setup: scale(limits.setup),
    webchatStart: scale(limits.webchatStart),
    customerMessages: scale(limits.customerMessages),
    customerUploads: scale(limits.customerUploads),
    deviceChanges: scale(limits.deviceChanges),
    staffSearches: scale(limits.staffSearches),
  };
}

/** "42 seconds", "15 minutes": how long until the window ends, for people. */
export function waitFor(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

const tooMany = (message: string, retryAfterSeconds: number) => new ApiError(429, 'rate_limited', `${message} Try again in ${waitFor(retryAfterSeconds)}.`);

/** The limiter of failed logins: checked before the password is verified, counted only when it was wrong. */
export interface LoginLimiter {
  /** Throws 429 (with Retry-After) when this username has failed too often from this address. */
  check(req: FastifyRequest, reply: FastifyReply, username: string): Promise<void>;
  /** Counts a failure; resolves after the slowdown the failures so far deserve. */
  failed(req: FastifyRequest, username: string): Promise<void>;
  /** Releases the attempt `check` admitted, whatever its outcome. */
  done(req: FastifyRequest, username: string): void;
}

const loginKey = (req: FastifyRequest, username: string) => `${username.trim().toLowerCase()}\n${req.ip}`;
/** Customers are counted by their token (hashed: keys may end up in memory dumps and logs); no token: by address. */
const customerKey = (req: FastifyRequest) => {
  const token = bearerToken(req);
  return token ? `customer:${hashToken(token)}` : `ip:${req.ip}`;
};

/** Staff by their session (hashed); no credential: by address. */
const staffKey = (req: FastifyRequest) => {
  const token = bearerToken(req) ?? req.cookies?.[SESSION_COOKIE];
  return token ? `staff:${hashToken(token)}` : `ip:${req.ip}`;
};

/**
 * Registers the limits on their routes (before the routes themselves are registered) and returns
 * the login limiter for the login route. Answers over a limit are 429 `rate_limited` with
 * Retry-After and a message saying how long to wait.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<{ login: LoginLimiter }> {
  await app.register(rateLimit, { global: false });

  const perRoute: [RouteDef, RateLimit, (req: FastifyRequest) => string, string][] = [
    [api.setup, limits.setup, (req) => req.ip, 'Too many setup attempts from your address.'],
    [webchatApi.webchatStart, limits.webchatStart, (req) => req.ip, 'Too many chats were started from your network.'],
    [webchatApi.webchatSend, limits.customerMessages, customerKey, 'You are sending messages faster than we can take them.'],
    [webchatApi.webchatUploadAttachment, limits.customerUploads, customerKey, 'You have sent too many files.'],
    [api.registerDevice, limits.deviceChanges, staffKey, 'Too many devices were registered from this session.'],
    [api.removeDevice, limits.deviceChanges, staffKey, 'Too many devices were removed from this session.'],
    [searchApi.search, limits.staffSearches, staffKey, 'You are searching faster than we can answer.'],
  ];
  const hooks = new Map(
    perRoute.map(([route, limit, keyGenerator, message]) => [
      `${route.method} ${route.path}`,
      app.rateLimit({
        max: limit.max,
        timeWindow: limit.windowMs,
        keyGenerator,
        errorResponseBuilder: (_req, ctx) => tooMany(message, ctx.ttl / 1000),
      }),
    ]),
  );
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hook = methods.map((m) => hooks.get(`${m} ${route.url}`)).find(Boolean);
    if (!hook) return;
    const existing = route.onRequest ? (Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]) : [];
    route.onRequest = [...existing, hook];
  });

  const loginLimit = app.createRateLimit({
    max: limits.loginFailures.max,
    timeWindow: limits.loginFailures.windowMs,
    keyGenerator: (req) => loginKey(req, (req.body as { username: string }).username),
  });
  // Attempts admitted but not yet judged: parallel guesses must not all pass the check at once.
  const inFlight = new Map<string, number>();
  const login: LoginLimiter = {
    async check(req, reply, username) {
      const key = loginKey(req, username);
      const state = await loginLimit(req, { increment: false });
      const pending = inFlight.get(key) ?? 0;
      if (!state.isAllowed && state.remaining - pending <= 0) {
        const retryAfter = Math.max(1, state.ttlInSeconds || Math.ceil(limits.loginFailures.windowMs / 1000));
        reply.header('retry-after', String(retryAfter));
        throw tooMany('Too many failed logins for this username.', retryAfter);
      }
      inFlight.set(key, pending + 1);
    },
    async failed(req) {
      const state = await loginLimit(req);
      const failures = state.isAllowed ? 0 : state.max - state.remaining;
      const slowdown = Math.min(LOGIN_SLOWDOWN_MAX_MS, Math.max(0, failures - LOGIN_FAILURES_BEFORE_SLOWDOWN) * LOGIN_SLOWDOWN_STEP_MS);
      if (slowdown > 0) await new Promise((resolve) => setTimeout(resolve, slowdown));
    },
    done(req, username) {
      const key = loginKey(req, username);
      const pending = (inFlight.get(key) ?? 1) - 1;
      if (pending > 0) inFlight.set(key, pending);
      else inFlight.delete(key);
    },
  };
  return { login };
}
