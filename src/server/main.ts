import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { seedDemoWorkspace } from './db/seed';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  if (config.seed === 'demo') {
    const seeded = await seedDemoWorkspace(db, config.demoPassword);
    if (seeded?.generatedPassword) {
      console.log(
        `\nDemo workspace created. Log in as anna, ben (agents), sara (supervisor) or adam (admin)` +
          ` with the password: ${seeded.generatedPassword}\nIt is shown only this once; set DEMO_PASSWORD to choose it.\n`,
      );
    }
  }
  const { app } = await buildApp({
    db,
    clientDir: config.clientDir,
    secureCookie: config.secureCookie,
    allowedOrigins: config.allowedOrigins,
    rateLimitMultiplier: config.rateLimitMultiplier,
  });
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
