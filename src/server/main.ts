import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase, whileUnavailable } from './db/open-database';
import { seedDemoWorkspace } from './db/seed';
import { isDatabaseUnavailable } from './db/unavailable';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  if (config.seed === 'demo') {
    const seeded = await whileUnavailable('seed the demo workspace', () => seedDemoWorkspace(db, config.demoPassword));
    if (seeded?.generatedPassword) {
      console.log(
        `\nDemo workspace created. Log in as anna, ben (agents), sara (supervisor) or adam (admin)` +
          ` with the password: ${seeded.generatedPassword}\nIt is shown only this once; set DEMO_PASSWORD to choose it.\n`,
      );
    }
  }
  const { app } = await whileUnavailable('start the server', () =>
    buildApp({
      db,
      clientDir: config.clientDir,
      secureCookie: config.secureCookie,
      // JSON lines on standard output; the lines below, for people, stay plain text.
      logger: { level: config.logLevel },
      metricsToken: config.metricsToken,
      retention: { eventRetentionHours: config.eventRetentionHours, intervalMs: config.retentionIntervalMs },
      allowedOrigins: config.allowedOrigins,
      rateLimitMultiplier: config.rateLimitMultiplier,
      push: { subject: config.pushSubject },
      channels: {
        publicUrl: config.publicUrl,
        conversationUrl: config.sinchConversationUrl,
        authUrl: config.sinchAuthUrl,
        secretsKey: config.channelSecretsKey,
      },
    }),
  );
  await app.listen({ port: config.port, host: config.host });
  console.log(`Communication Panel on http://localhost:${config.port} (${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing connections…`);
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

// Database errors are handled where they happen. One that still escapes must not take down the
// server (and every open socket with it) for what is a passing outage; anything else is a bug and
// ends the process as Node would.
const lastResort = (kind: string) => (err: unknown) => {
  console.error(`${kind}:`, err);
  if (!isDatabaseUnavailable(err)) process.exit(1);
};
process.on('unhandledRejection', lastResort('Unhandled rejection'));
process.on('uncaughtException', lastResort('Uncaught exception'));

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
