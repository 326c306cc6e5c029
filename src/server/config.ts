import { resolve } from 'node:path';
import { LOG_LEVELS, type LogLevel } from './observability/request-log';
import { DEFAULT_PUSH_SUBJECT } from './push/push-sender';
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
  /** The VAPID contact push services may use to reach the operator: a mailto: address or https: URL. */
  pushSubject: string;
  /** This server's public origin, for the file links messaging channels fetch (PUBLIC_URL). */
  publicUrl: string;
  /** Where the Conversation API and its token endpoint are, when not Sinch's own (a stand-in). */
  sinchConversationUrl: string | null;
  sinchAuthUrl: string | null;
  /** Seals the channels' secrets with a key kept outside the database. */
  channelSecretsKey: string | null;
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
  const pushSubject = env.PUSH_SUBJECT || DEFAULT_PUSH_SUBJECT;
  if (!/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(pushSubject)) {
    throw new Error(`PUSH_SUBJECT must be a mailto: address or an https: URL, got ${env.PUSH_SUBJECT}`);
  }
  const urlOrNull = (name: string) => {
    const value = env[name]?.trim();
    if (!value) return null;
    if (!/^https?:\/\/[^/]+/.test(value)) throw new Error(`${name} must be an http(s) URL, got ${value}`);
    return value.replace(/\/+$/, '');
  };
  const publicUrl = urlOrNull('PUBLIC_URL') ?? `http://localhost:${port}`;
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
    pushSubject,
    publicUrl,
    sinchConversationUrl: urlOrNull('SINCH_CONVERSATION_URL'),
    sinchAuthUrl: urlOrNull('SINCH_AUTH_URL'),
    channelSecretsKey: env.CHANNEL_SECRETS_KEY || null,
  };
}
