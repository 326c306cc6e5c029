import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { seedDemoWorkspace } from '../../src/server/db/seed';

export const PASSWORD = 'realtime-load-password-5821';

/**
 * Migrates and seeds the demo workspace, then adds `agents` agents who serve Support, each with a
 * session token written straight into the database: logging 50 agents in would only measure the
 * password hashing. Returns the tokens and the Support queue's id.
 */
export async function seedLoadWorkspace(db: Database, agents: number): Promise<{ tokens: string[]; supportQueueId: string }> {
  await migrate(db);
  await seedDemoWorkspace(db, PASSWORD);
  const [support] = await db.query<{ id: string }>(`SELECT id FROM queues WHERE name = 'Support'`);
  const tokens = Array.from({ length: agents }, () => randomBytes(32).toString('base64url'));
  await db.transaction(async (tx) => {
    const ids = await tx.query<{ id: string }>(
      `INSERT INTO users (username, display_name, role, password_hash)
       SELECT 'load-agent-' || g, 'Load Agent ' || g, 'agent', (SELECT password_hash FROM users WHERE username = 'anna')
       FROM generate_series(1, $1::int) g RETURNING id`,
      [agents],
    );
    await tx.query('INSERT INTO queue_agents (queue_id, user_id) SELECT $1, unnest($2::uuid[])', [support!.id, ids.map((r) => r.id)]);
    await tx.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at) SELECT unnest($1::text[]), unnest($2::uuid[]), now() + interval '1 day'`,
      [tokens.map((t) => createHash('sha256').update(t).digest('hex')), ids.map((r) => r.id)],
    );
  });
  return { tokens, supportQueueId: support!.id };
}
