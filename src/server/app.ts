import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { api } from '../contract/api';
import { ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES } from '../contract/limits';
import { buildOpenApiDocument } from '../contract/openapi';
import { registerAdminRoutes } from './admin/admin-routes';
import { registerAttachmentRoutes, startAttachmentCleanup } from './attachments/attachment-routes';
import { registerAuthRoutes } from './auth/auth-routes';
import { registerConversationRoutes } from './conversations/conversation-routes';
import type { Database } from './db/database';
import { registerHandledRoutes } from './history/handled-routes';
import { registerHistoryRoutes } from './history/history-routes';
import { ApiError } from './http/api-error';
import { defineRoute } from './http/define-route';
import { registerNoteRoutes } from './notes/note-routes';
import { ConnectionTracker } from './presence/connection-tracker';
import { registerPresenceRoutes } from './presence/presence-routes';
import { registerDraftRoutes } from './drafts/draft-routes';
import { registerPreferenceRoutes } from './preferences/preference-routes';
import { registerReadMarkerRoutes } from './read-markers/read-marker-routes';
import { RealtimeHub } from './realtime/hub';
import { registerRealtimeRoutes } from './realtime/realtime-routes';
import { registerOfferRoutes } from './routing/offer-routes';
import { RoutingService } from './routing/routing-service';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from './security/http-timeouts';
import { registerOriginGuard } from './security/origin-guard';
import { DEFAULT_RATE_LIMITS, registerRateLimits, scaledRateLimits, type RateLimits } from './security/rate-limits';
import { registerSecurityHeaders } from './security/security-headers';
import { registerSettingsRoutes } from './settings/settings-routes';
import { registerSupervisionRoutes } from './supervision/supervision-routes';
import { WaitingSampler } from './supervision/waiting-sampler';
import { registerTransferRoutes } from './transfers/transfer-routes';
import { registerWebchatRoutes } from './webchat/webchat-routes';

export interface AppDeps {
  db: Database;
  /** Built SPA to serve; omitted in API-only tests. */
  clientDir?: string;
  secureCookie?: boolean;
  logger?: boolean;
  /** Timing of offers and presence; tests turn the periodic sweep off and call `sweepNow`. */
  routing?: {
    /** How often this instance sweeps (expired offers, lost agents, waiting conversations); 0: only when poked. */
    sweepIntervalMs?: number;
    /** How often this instance refreshes its record of open staff sockets. */
    heartbeatMs?: number;
  };
  /** How often this instance tries to sample waiting counts for the dashboard's chart; 0: only when asked. */
  waitingSampleIntervalMs?: number;
  /** Origins besides the server's own whose pages may use the session cookie (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** The rate limits before the multiplier; tests shorten the windows. */
  rateLimits?: RateLimits;
  /** Multiplies every rate limit (RATE_LIMIT_MULTIPLIER); 1 by default. */
  rateLimitMultiplier?: number;
  /** How often an open staff socket marks its session as used (idle timeout); tests shorten it. */
  sessionTouchMs?: number;
  /** How long to wait on slow or silent clients; tests shorten them. */
  timeouts?: Partial<HttpTimeouts>;
}

export interface App {
  app: FastifyInstance;
  hub: RealtimeHub;
  /** Sweeps now and resolves when done: tests move time in the database, then call this. */
  sweepNow(): Promise<void>;
  /** Open staff sockets of this instance, as recorded for presence. */
  connections: ConnectionTracker;
  /** Samples waiting counts now (unless a sample is under 50 s old); true when it did. */
  sampleWaitingNow(): Promise<boolean>;
}

export async function buildApp(deps: AppDeps): Promise<App> {
  const timeouts = { ...DEFAULT_HTTP_TIMEOUTS, ...deps.timeouts };
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 256 * 1024,
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
  });
  app.server.headersTimeout = timeouts.headersMs;
  const hub = new RealtimeHub(deps.db);
  await hub.start();
  app.addHook('onClose', () => hub.stop());
  const routing = new RoutingService(deps.db, { sweepIntervalMs: deps.routing?.sweepIntervalMs });
  const connections = new ConnectionTracker(deps.db, { heartbeatMs: deps.routing?.heartbeatMs, onAvailable: () => routing.poke() });
  routing.start();
  connections.start();
  app.addHook('onClose', async () => {
    await routing.stop();
    await connections.stop();
  });
  const sampler = new WaitingSampler(deps.db, { intervalMs: deps.waitingSampleIntervalMs });
  sampler.start();
  app.addHook('onClose', () => sampler.stop());

  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  // After the WebSocket plugin's own hook, so a refused upgrade's socket is closed with the answer.
  registerOriginGuard(app, { allowedOrigins: deps.allowedOrigins ?? [] });
  // Only the upload routes read multipart bodies; each passes its policy's own, lower size limit.
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES, files: 1 }, throwFileSizeLimit: false });

  const limiters = await registerRateLimits(app, scaledRateLimits(deps.rateLimits ?? DEFAULT_RATE_LIMITS, deps.rateLimitMultiplier ?? 1));

  await registerSecurityHeaders(app, { https: deps.secureCookie ?? false });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).send(err.toBody());
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, body too large.
      return reply.code(status).send({ code: 'invalid_request', message: (err as Error).message });
    }
    req.log.error(err);
    if (!deps.logger) console.error(err);
    return reply.code(500).send({ code: 'internal', message: 'Something went wrong on the server. Please try again.' });
  });

  defineRoute(app, api.health, async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok' as const, database: deps.db.kind };
  });
  const openApi = buildOpenApiDocument(process.env.npm_package_version ?? '0.1.0');
  app.get('/api/openapi.json', async () => openApi);

  registerAuthRoutes(app, deps.db, { secureCookie: deps.secureCookie ?? false, loginLimiter: limiters.login });
  registerConversationRoutes(app, deps.db, routing);
  registerOfferRoutes(app, deps.db, routing);
  registerPresenceRoutes(app, deps.db, routing);
  registerNoteRoutes(app, deps.db);
  registerDraftRoutes(app, deps.db);
  registerReadMarkerRoutes(app, deps.db);
  registerPreferenceRoutes(app, deps.db);
  registerHistoryRoutes(app, deps.db);
  registerHandledRoutes(app, deps.db);
  registerTransferRoutes(app, deps.db, routing);
  registerWebchatRoutes(app, deps.db, routing);
  registerRealtimeRoutes(app, deps.db, hub, connections, { sessionTouchMs: deps.sessionTouchMs });
  registerSettingsRoutes(app, deps.db);
  registerSupervisionRoutes(app, deps.db, routing);
  registerAdminRoutes(app, deps.db, routing);
  registerAttachmentRoutes(app, deps.db);
  await startAttachmentCleanup(app, deps.db);

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: clientDir, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !clientDir) {
      return reply.code(404).send({ code: 'not_found', message: `No route for ${req.method} ${req.url.split('?')[0]}.` });
    }
    // Client-side routes: the SPA decides what to show.
    return reply.sendFile('index.html', clientDir);
  });

  return { app, hub, sweepNow: () => routing.sweepNow(), connections, sampleWaitingNow: () => sampler.sampleNow() };
}
