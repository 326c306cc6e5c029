import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { api } from '../contract/api';
import { ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES } from '../contract/limits';
import { buildOpenApiDocument } from '../contract/openapi';
import { registerAdminRoutes } from './admin/admin-routes';
import { registerAttachmentRoutes, startAttachmentCleanup } from './attachments/attachment-routes';
import { registerAuthRoutes } from './auth/auth-routes';
import { ChannelWorker } from './channels/channel-worker';
import { registerChannelRoutes } from './channels/channel-routes';
import { decorateChannelSendCheck } from './channels/send-rules';
import { SinchApi } from './channels/sinch-api';
import { registerChannelWebhook } from './channels/webhook';
import { registerSessionRoutes } from './auth/session-routes';
import { registerCannedRoutes } from './canned-responses/canned-routes';
import { registerConversationRoutes } from './conversations/conversation-routes';
import type { Database } from './db/database';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_AFTER_SECONDS } from './db/unavailable';
import { registerHandledRoutes } from './history/handled-routes';
import { registerHistoryRoutes } from './history/history-routes';
import { registerSearchRoutes } from './search/search-routes';
import { ApiError } from './http/api-error';
import { registerClientPages } from './http/client-pages';
import { defineRoute } from './http/define-route';
import { registerNoteRoutes } from './notes/note-routes';
import { AppMetrics, observeRequests, registerMetricsRoute } from './observability/metrics';
import { fastifyLogOptions, registerRequestLog, type LogOptions } from './observability/request-log';
import { countingStoredMessages } from './observability/stored-messages';
import { ConnectionTracker } from './presence/connection-tracker';
import { registerPresenceRoutes } from './presence/presence-routes';
import { registerDraftRoutes } from './drafts/draft-routes';
import { registerPreferenceRoutes } from './preferences/preference-routes';
import { registerDeviceRoutes } from './push/device-routes';
import { PushService, type PushOptions } from './push/push-service';
import { registerReadMarkerRoutes } from './read-markers/read-marker-routes';
import { RealtimeHub } from './realtime/hub';
import { registerRealtimeRoutes } from './realtime/realtime-routes';
import { Retention, type RetentionOptions } from './retention/retention';
import { InactivitySweeper } from './webchat/inactivity-sweeper';
import { registerOfferRoutes } from './routing/offer-routes';
import { RoutingService } from './routing/routing-service';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from './security/http-timeouts';
import { registerOriginGuard } from './security/origin-guard';
import { DEFAULT_RATE_LIMITS, registerRateLimits, scaledRateLimits, type RateLimits } from './security/rate-limits';
import { registerSecurityHeaders } from './security/security-headers';
import { registerSettingsRoutes } from './settings/settings-routes';
import { registerSupervisionRoutes } from './supervision/supervision-routes';
import { WaitingSampler } from './supervision/waiting-sampler';
import { HeldReleaser } from './queues/held-release';
import { registerTransferRoutes } from './transfers/transfer-routes';
import { registerIdentityRoutes } from './webchat/identity-routes';
import { registerWrapUpRoutes } from './wrap-up/wrap-up-routes';
import { registerWebchatRoutes } from './webchat/webchat-routes';
import { registerRatingRoutes } from './webchat/rating-routes';

export interface AppDeps {
  db: Database;
  /** Built SPA to serve; omitted in API-only tests. */
  clientDir?: string;
  secureCookie?: boolean;
  /** Request and error logs (JSON lines); none when omitted (tests pass a stream to read them). */
  logger?: LogOptions;
  /** Serves Prometheus metrics at /api/metrics to this bearer token; no endpoint when unset. */
  metricsToken?: string | null;
  /** Pruning of sessions, dead connections and the event log; tests turn the timer off (intervalMs 0). */
  retention?: Omit<RetentionOptions, 'deliveredSeq'>;
  /** How often this instance sweeps for idle conversations (webchat/inactivity-sweeper.ts); 0: never (tests sweep themselves). */
  inactivityIntervalMs?: number;
  /** Timing of offers and presence; tests turn the periodic sweep off and call `sweepNow`. */
  routing?: {
    /** How often this instance sweeps (expired offers, lost agents, waiting conversations); 0: only when poked. */
    sweepIntervalMs?: number;
    /** How often this instance refreshes its record of open staff sockets. */
    heartbeatMs?: number;
  };
  /** How often this instance releases messages left while a queue was closed; 0: never (tests). */
  heldReleaseIntervalMs?: number;
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
  /** Web Push: the VAPID contact (PUSH_SUBJECT); tests also point it at a local push service. */
  push?: PushOptions;
  /** Messaging channels (Conversation API): where its API is, how the outbox retries; see README. */
  channels?: ChannelOptions;
}

export interface ChannelOptions {
  /** This server's public origin (PUBLIC_URL), for the file links the channel fetches; a function when known only once listening. */
  publicUrl?: string | (() => string);
  /** Stand-ins for the Conversation API and its token endpoint (SINCH_CONVERSATION_URL, SINCH_AUTH_URL). */
  conversationUrl?: string | null;
  authUrl?: string | null;
  /** CHANNEL_SECRETS_KEY: seals the channels' secrets with a key kept outside the database. */
  secretsKey?: string | null;
  /** How often each instance looks for callbacks to apply and messages to send without being poked; 0: only when poked. */
  pollMs?: number;
  /** The outbox's first pause before a retry and its longest. */
  backoffMs?: number;
  maxBackoffMs?: number;
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
  /** Runs retention now; what it removed, or null when another instance was running it. */
  retention: Retention;
  metrics: AppMetrics;
  /** Web Push: `dispatchNow` decides and sends what is due (tests). */
  push: PushService;
  /** Applies channel callbacks and sends the channel outbox; tests call `runNow`. */
  channels: ChannelWorker;
}

export async function buildApp(input: AppDeps): Promise<App> {
  // Metrics read the hub, created below, only when scraped.
  const metrics: AppMetrics = new AppMetrics({ hub: { stats: () => hub.stats() }, db: input.db });
  const deps = { ...input, db: countingStoredMessages(input.db, (kind) => metrics.messageStored(kind)) };
  const timeouts = { ...DEFAULT_HTTP_TIMEOUTS, ...deps.timeouts };
  const app = Fastify({
    ...fastifyLogOptions(deps.logger),
    bodyLimit: 256 * 1024,
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
  });
  app.server.headersTimeout = timeouts.headersMs;
  registerRequestLog(app);
  observeRequests(app, metrics);
  const hub = new RealtimeHub(deps.db);
  await hub.start();
  app.addHook('onClose', () => hub.stop());
  const retention = new Retention(deps.db, { ...deps.retention, deliveredSeq: () => hub.stats().deliveredSeq });
  retention.start();
  app.addHook('onClose', () => retention.stop());
  const inactivity = new InactivitySweeper(deps.db, deps.inactivityIntervalMs);
  inactivity.start();
  app.addHook('onClose', () => inactivity.stop());
  const routing = new RoutingService(deps.db, { sweepIntervalMs: deps.routing?.sweepIntervalMs });
  const connections = new ConnectionTracker(deps.db, { heartbeatMs: deps.routing?.heartbeatMs, onAvailable: () => routing.poke() });
  routing.start();
  connections.start();
  app.addHook('onClose', async () => {
    await routing.stop();
    await connections.stop();
  });
  // Decides pushes from the event log after commit, off every request's path (push-service.ts).
  const push = await PushService.start(deps.db, deps.push);
  app.addHook('onClose', () => push.stop());
  const channelKeys = { env: deps.channels?.secretsKey ?? null };
  const channels = new ChannelWorker(
    deps.db,
    new SinchApi({ conversationUrl: deps.channels?.conversationUrl ?? null, authUrl: deps.channels?.authUrl ?? null }),
    channelKeys,
    routing,
    {
      pollMs: deps.channels?.pollMs ?? 1000,
      publicUrl: deps.channels?.publicUrl ?? 'http://localhost:8080',
      backoffMs: deps.channels?.backoffMs ?? 2000,
      maxBackoffMs: deps.channels?.maxBackoffMs ?? 10 * 60_000,
    },
  );
  channels.start();
  app.addHook('onClose', () => channels.stop());
  decorateChannelSendCheck(app, deps.db, () => channels.mayHaveChannels());
  const sampler = new WaitingSampler(deps.db, { intervalMs: deps.waitingSampleIntervalMs });
  sampler.start();
  app.addHook('onClose', () => sampler.stop());
  // Messages left while a queue was closed join its picklist at the opening.
  const heldReleaser = new HeldReleaser(deps.db, { intervalMs: deps.heldReleaseIntervalMs, onReleased: () => routing.poke() });
  heldReleaser.start();
  app.addHook('onClose', () => heldReleaser.stop());

  await app.register(cookie);
  await app.register(websocket, {
    options: { maxPayload: 64 * 1024 },
    // The plugin's default closes sockets without a code at shutdown; 1001 ("going away") tells
    // clients the server is leaving, so they reconnect (to another instance) and catch up.
    preClose(done) {
      for (const client of app.websocketServer.clients) client.close(1001, 'Server shutting down');
      // Closing handshakes finish on their own; shutdown does not wait for slow clients.
      app.websocketServer.close();
      done();
    },
  });
  // After the WebSocket plugin's own hook, so a refused upgrade's socket is closed with the answer.
  registerOriginGuard(app, { allowedOrigins: deps.allowedOrigins ?? [] });
  // Only the upload routes read multipart bodies; each passes its policy's own, lower size limit.
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES, files: 1 }, throwFileSizeLimit: false });

  const limiters = await registerRateLimits(app, scaledRateLimits(deps.rateLimits ?? DEFAULT_RATE_LIMITS, deps.rateLimitMultiplier ?? 1));

  await registerSecurityHeaders(app, { https: deps.secureCookie ?? false });

  // While shutting down, requests in flight finish, and their keep-alive connections close with
  // their answers instead of holding the server open until they time out.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('Connection', 'close');
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).send(err.toBody());
    if (isDatabaseUnavailable(err)) {
      // Nobody's fault and passing: clients and load balancers are told when to try again.
      req.log.warn({ err }, 'database unavailable');
      return reply
        .code(503)
        .header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
        .send({ code: 'unavailable', message: UNAVAILABLE_MESSAGE });
    }
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, body too large.
      return reply.code(status).send({ code: 'invalid_request', message: (err as Error).message });
    }
    req.log.error(err);
    if (!deps.logger) console.error(err);
    return reply.code(500).send({ code: 'internal', message: 'Something went wrong on the server. Please try again.' });
  });

  app.decorate('db', deps.db);
  // Liveness: the process answers. It must not depend on the database, or an orchestrator would
  // restart healthy instances during a database outage.
  defineRoute(app, api.health, async () => ({ status: 'ok' as const, database: deps.db.kind }));
  // Readiness: send traffic here only while the database answers (503 otherwise, via the error handler).
  defineRoute(app, api.ready, async () => {
    // Raw on purpose: the probe reads no row, so there is no result to type; this is simplest.
    await deps.db.query('SELECT 1');
    return { status: 'ready' as const, database: deps.db.kind };
  });
  const openApi = buildOpenApiDocument(process.env.npm_package_version ?? '0.1.0');
  app.get('/api/openapi.json', async () => openApi);
  registerMetricsRoute(app, metrics, deps.metricsToken ?? null);

  registerAuthRoutes(app, deps.db, { secureCookie: deps.secureCookie ?? false, loginLimiter: limiters.login });
  registerConversationRoutes(app, deps.db, routing);
  registerOfferRoutes(app, deps.db, routing);
  registerPresenceRoutes(app, deps.db, routing);
  registerNoteRoutes(app, deps.db);
  registerSessionRoutes(app, deps.db);
  registerDraftRoutes(app, deps.db);
  registerReadMarkerRoutes(app, deps.db, { onRead: (user, conversation, read) => channels.agentRead(user.id, conversation, read.lastReadSeq) });
  registerPreferenceRoutes(app, deps.db);
  registerDeviceRoutes(app, deps.db, push);
  registerHistoryRoutes(app, deps.db);
  registerHandledRoutes(app, deps.db);
  registerSearchRoutes(app, deps.db);
  registerTransferRoutes(app, deps.db, routing);
  registerWebchatRoutes(app, deps.db, routing);
  registerIdentityRoutes(app, deps.db);
  registerRealtimeRoutes(app, deps.db, hub, connections, metrics, {
    sessionTouchMs: deps.sessionTouchMs,
    onAgentTyping: (conversationId, isTyping) => channels.agentTyping(conversationId, isTyping),
  });
  registerSettingsRoutes(app, deps.db);
  registerSupervisionRoutes(app, deps.db, routing);
  registerAdminRoutes(app, deps.db, routing);
  registerWrapUpRoutes(app, deps.db);
  registerRatingRoutes(app, deps.db);
  registerAttachmentRoutes(app, deps.db);
  registerCannedRoutes(app, deps.db);
  await startAttachmentCleanup(app, deps.db);
  registerChannelRoutes(app, deps.db, channelKeys, channels);
  await registerChannelWebhook(app, deps.db, { keys: channelKeys, onStored: () => channels.poke() });

  await registerClientPages(app, deps.clientDir);

  return { app, hub, sweepNow: () => routing.sweepNow(), connections, sampleWaitingNow: () => sampler.sampleNow(), retention, metrics, push, channels };
}
