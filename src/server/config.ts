import { resolve } from 'node:path';
import { LOG_LEVELS, type LogLevel } from './observability/request-log';
import { DEFAULT_EVENT_RETENTION_HOURS, DEFAULT_RETENTION_INTERVAL_MS } from './retention/retention';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  seed: 'demo' | 'none';
  demoPassword: string | null;
  clientDir: string;
  secureCookie: boolean;
  logLevel: LogLevel;
  metricsToken: string | null;
  eventRetentionHours: number;
  retentionIntervalMs: number;
  /** Origins besides the server's own whose pages may use the session cookie. */
  allowedOrigins: string[];
  /** Multiplies every rate limit (load tests set it high). */
  rateLimitMultiplier: number;
}

/** Reads configuration from the environment; every variable is listed in the README. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const seed = env.SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`SEED must be "demo" or "none", got ${seed}`);
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${env.LOG_LEVEL}`);
  const eventRetentionHours = Number(env.EVENT_RETENTION_HOURS || DEFAULT_EVENT_RETENTION_HOURS);
  if (!Number.isInteger(eventRetentionHours) || eventRetentionHours < 1) {
    throw new Error(`EVENT_RETENTION_HOURS must be a whole number of hours, at least 1, got ${env.EVENT_RETENTION_HOURS}`);
  }
  const retentionSeconds = Number(env.RETENTION_INTERVAL_SECONDS || DEFAULT_RETENTION_INTERVAL_MS / 1000);
  if (!Number.isInteger(retentionSeconds) || retentionSeconds < 1 || retentionSeconds > 3600) {
    throw new Error(`RETENTION_INTERVAL_SECONDS must be a whole number from 1 to 3600, got ${env.RETENTION_INTERVAL_SECONDS}`);
  }
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`ALLOWED_ORIGINS must list origins like https://panel.example.com, got ${origin}`);
  }
  const rateLimitMultiplier = Number(env.RATE_LIMIT_MULTIPLIER ?? 1);
  if (!Number.isFinite(rateLimitMultiplier) || rateLimitMultiplier <= 0) {
    throw new Error(`RATE_LIMIT_MULTIPLIER must be a positive number, got ${env.RATE_LIMIT_MULTIPLIER}`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    seed,
    demoPassword: env.DEMO_PASSWORD || null,
    clientDir: resolve(env.CLIENT_DIR ?? './dist/client'),
    secureCookie: env.SECURE_COOKIE === 'true',
    logLevel,
    metricsToken: env.METRICS_TOKEN || null,
    eventRetentionHours,
    retentionIntervalMs: retentionSeconds * 1000,
    allowedOrigins,
    rateLimitMultiplier,
  };
}
