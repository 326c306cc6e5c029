import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { bearerToken, SESSION_COOKIE } from '../auth/principal';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // MUI's emotion injects style elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Browser features pages of this server may use: the composer's camera takes photos and videos
 * (camera, microphone) and videos may go full screen; everything else is off, also for frames.
 * Autoplay is left to the browser's default: notification sounds play once the user interacted.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'fullscreen=(self)',
  ...[
    'accelerometer',
    'bluetooth',
    'display-capture',
    'geolocation',
    'gyroscope',
    'hid',
    'idle-detection',
    'magnetometer',
    'midi',
    'payment',
    'publickey-credentials-get',
    'screen-wake-lock',
    'serial',
    'usb',
    'xr-spatial-tracking',
  ].map((feature) => `${feature}=()`),
].join(', ');

const HSTS_MAX_AGE_SECONDS = 180 * 24 * 3600;

/**
 * Security headers on every answer, through helmet, plus what helmet does not cover. The CSP is
 * our own (set here unless a route set a stricter one, as file downloads do), HSTS only when the
 * site is served over HTTPS (SECURE_COOKIE=true): sent over plain HTTP it would lock browsers out.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: opts.https ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
  });

  app.addHook('onSend', async (req, reply) => {
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
    // What a credential fetched must not stay in a shared or back/forward cache. Routes that
    // decide their own caching (file downloads) keep theirs; hashed static assets have no credential check.
    const credentialed = Boolean(bearerToken(req) ?? req.cookies[SESSION_COOKIE]);
    if (credentialed && req.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
  });
}
