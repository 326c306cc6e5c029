import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REALTIME_PATH } from '../../contract/api';
import { bearerToken, SESSION_COOKIE } from '../auth/principal';
import { ApiError } from '../http/api-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `scheme://host[:port]` of a URL, or null when it is not an http(s) URL (also `Origin: null`). */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Where the browser says the request comes from: Origin, else the Referer's origin; undefined when neither is sent. */
function requestOrigin(req: FastifyRequest): string | null | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) return originOf(origin);
  const referer = req.headers.referer;
  if (referer !== undefined) return originOf(referer);
  return undefined;
}

/**
 * The server's own origin is the one the browser addressed: the Host header. Either scheme is
 * accepted for it, since TLS usually ends at a proxy in front; a proxy that rewrites Host needs
 * the public origin in ALLOWED_ORIGINS.
 */
function isOwnOrigin(origin: string, req: FastifyRequest): boolean {
  const host = req.headers.host;
  if (!host) return false;
  const { host: originHost } = new URL(origin);
  // The URL parser drops each scheme's default port, so compare under both.
  return ['http', 'https'].some((scheme) => hostOf(`${scheme}://${host}`) === originHost);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

const foreignOrigin = () =>
  new ApiError(
    403,
    'forbidden_origin',
    'This request came from another site, so it was refused. Open the panel at its own address and try again.',
  );

/**
 * Refuses cross-site requests that ride on the browser's session cookie. SameSite=Strict does
 * not cover them: another port of the same host is the same *site*, so its pages get the cookie
 * sent along. Every cookie-authenticated state change (anything but GET/HEAD/OPTIONS) must come
 * from the server's own origin or one in ALLOWED_ORIGINS; a bearer token cannot be sent by a
 * foreign page, so API clients are unaffected. WebSocket upgrades are checked whenever the
 * browser says where they come from (browsers always send Origin on them): a foreign page must
 * not read a socket opened with the agent's cookie.
 */
export function registerOriginGuard(app: FastifyInstance, opts: { allowedOrigins: readonly string[] }) {
  const allowed = new Set(opts.allowedOrigins.map((o) => originOf(o)).filter((o): o is string => o !== null));
  const acceptable = (origin: string | null, req: FastifyRequest) => origin !== null && (allowed.has(origin) || isOwnOrigin(origin, req));

  app.addHook('onRequest', async (req) => {
    const path = req.url.split('?')[0];
    if (path === REALTIME_PATH && req.headers.upgrade?.toLowerCase() === 'websocket') {
      const origin = requestOrigin(req);
      if (origin !== undefined && !acceptable(origin, req)) throw foreignOrigin();
      return;
    }
    if (SAFE_METHODS.has(req.method)) return;
    if (bearerToken(req) || !req.cookies[SESSION_COOKIE]) return;
    const origin = requestOrigin(req);
    // A browser sends Origin (or at least Referer) on a cross-site post; a cookie without either is refused.
    if (origin === undefined || !acceptable(origin, req)) throw foreignOrigin();
  });
}
