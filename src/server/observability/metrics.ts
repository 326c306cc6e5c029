import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AuthorKind } from '../../contract/messages';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import type { RealtimeHub } from '../realtime/hub';

export const METRICS_PATH = '/api/metrics';

/**
 * This app instance's Prometheus metrics, in a registry of its own: tests build several apps in
 * one process, and each must report only its own requests, sockets and database.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly httpDuration = new Histogram({
    name: 'cp_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly sockets = new Gauge({
    name: 'cp_realtime_sockets',
    help: 'Realtime sockets open on this instance whose hello was accepted, by kind (staff or customer).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly messagesStored = new Counter({
    name: 'cp_messages_stored_total',
    help: 'Messages stored by this instance (committed), by author kind.',
    labelNames: ['author_kind'] as const,
    registers: [this.registry],
  });

  constructor(sources: { hub: Pick<RealtimeHub, 'stats'>; db: Pick<Database, 'stats'> }) {
    collectDefaultMetrics({ register: this.registry });
    for (const kind of ['staff', 'customer'] as const) this.sockets.set({ kind }, 0);
    for (const kind of ['customer', 'agent', 'system'] as const) this.messagesStored.inc({ author_kind: kind }, 0);
    const hubStats = () => sources.hub.stats();
    const dbStats = () => sources.db.stats();
    this.gauge('cp_realtime_hub_clients', 'Clients attached to this instance’s realtime hub (returns to 0 when every socket is gone).', () => hubStats().clients);
    this.gauge('cp_realtime_hub_backlog_events', 'Events announced but not yet delivered by this instance’s hub (latest seq − delivered seq).', () => {
      const s = hubStats();
      return Math.max(0, s.latestSeq - s.deliveredSeq);
    });
    this.gauge('cp_realtime_delivery_lag_seconds', 'From an event’s commit to its delivery by this hub, for the last event delivered (0 before any).', () => {
      const lag = hubStats().lastDeliveryLagMs;
      return lag === null ? 0 : lag / 1000;
    });
    this.gauge('cp_db_pool_connections', 'Database connections open (PGlite: always 1).', () => dbStats().total);
    this.gauge('cp_db_pool_idle_connections', 'Database connections open and idle.', () => dbStats().idle);
    this.gauge('cp_db_pool_waiting_requests', 'Queries waiting for a free database connection.', () => dbStats().waiting);
    // A counter fed from the database's own running total.
    let errorsReported = 0;
    const errors = new Counter({
      name: 'cp_db_errors_total',
      help: 'Database connection errors seen by this instance (lost, refused or timed-out connections).',
      registers: [this.registry],
      collect() {
        const total = dbStats().errors;
        if (total > errorsReported) errors.inc(total - errorsReported);
        errorsReported = Math.max(errorsReported, total);
      },
    });
  }

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  socketOpened(kind: Principal['kind']): void {
    this.sockets.inc({ kind });
  }

  socketClosed(kind: Principal['kind']): void {
    this.sockets.dec({ kind });
  }

  messageStored(authorKind: AuthorKind): void {
    this.messagesStored.inc({ author_kind: authorKind });
  }

  private gauge(name: string, help: string, read: () => number): void {
    const gauge: Gauge = new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        gauge.set(read());
      },
    });
  }
}

/** The route pattern a request matched (`/api/conversations/:id`), never its raw URL; `unmatched` for 404s. */
export function routeOf(req: { routeOptions: { url?: string } }): string {
  return req.routeOptions.url ?? 'unmatched';
}

/** Times every request into the latency histogram. */
export function observeRequests(app: FastifyInstance, metrics: AppMetrics): void {
  app.addHook('onResponse', async (req, reply) => {
    metrics.observeRequest(req.method, routeOf(req), reply.statusCode, reply.elapsedTime / 1000);
  });
}

/**
 * When `token` is set, serves the metrics at METRICS_PATH to `Authorization: Bearer <token>`.
 * Without a token the endpoint does not exist (404, like any unknown path): metrics reveal
 * traffic and must not be public by default.
 */
export function registerMetricsRoute(app: FastifyInstance, metrics: AppMetrics, token: string | null): void {
  if (!token) return;
  const expected = digest(token);
  app.get(METRICS_PATH, async (req, reply) => {
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    // Compared as digests, in constant time, so the answer's timing does not reveal the token.
    if (!given || !timingSafeEqual(digest(given), expected)) {
      throw new ApiError(401, 'unauthenticated', 'The metrics need the bearer token set in METRICS_TOKEN.');
    }
    reply.header('Content-Type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();
