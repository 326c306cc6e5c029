import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { endOpenConversation } from '../conversations/open-ending';
import { reload, systemMessage } from '../conversations/conversation-service';
import { insertMessage } from '../messages/message-store';
import { postPrompt } from '../prompts/post-prompt';
import { appendEvent } from '../realtime/event-log';
import { getCustomerChatSettings } from '../settings/settings-store';

/** How often each instance looks for idle conversations by default: the shortest settings (5 s) stay close to exact. */
export const DEFAULT_INACTIVITY_INTERVAL_MS = 1000;

/**
 * The last message of either side (system lines, the warning included, do not count) or the pick,
 * whichever is later: an agent who has just picked a long-waiting chat has not been idle.
 */
const lastActivity = sql<Date>`GREATEST((SELECT m.created_at FROM messages m WHERE m.conversation_id = conversations.id
  AND m.author_kind <> 'system' ORDER BY m.seq DESC LIMIT 1), conversations.picked_at)`;
/**
 * Only a conversation with an agent can be idle on both sides. A waiting customer has nobody to
 * answer yet; how long they may wait is the queue's business (its waiting limits and maximum).
 */
const open = sql<SqlBool>`conversations.state = 'picked'`;
/** Idle past the warning time and not warned since the last message. */
const dueForWarning = (warnSeconds: number): Expression<SqlBool> =>
  sql<SqlBool>`${open} AND ${lastActivity} < now() - make_interval(secs => ${warnSeconds})
    AND (conversations.idle_warned_at IS NULL OR conversations.idle_warned_at < ${lastActivity})`;
/** Warned, nobody wrote since, and the end time has come. */
const dueForEnd: Expression<SqlBool> = sql<SqlBool>`${open} AND conversations.idle_ends_at <= now()
  AND conversations.idle_warned_at >= ${lastActivity}`;

/**
 * Inactivity (README "Inactivity"): a conversation with no message from either side for the
 * admin's warning time gets the idleWarning prompt; when nobody writes for the end time after
 * that, it ends (ended by the system, reason inactivity) with the endedByInactivity prompt. A
 * message resets the clock: the warning counts only while no message is newer.
 *
 * Every instance sweeps; each warning and each end is one conditional UPDATE of the conversation
 * row that re-checks the condition, so when instances race, one updates and the others update
 * nothing: a conversation is warned once per idle spell and ended once.
 */
export class InactivitySweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly intervalMs = DEFAULT_INACTIVITY_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runNow().catch(() => {}), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep (tests call it); what this instance warned and ended. */
  runNow(): Promise<{ warned: string[]; ended: string[] }> {
    if (this.stopped) return Promise.resolve({ warned: [], ended: [] });
    const run = this.running.then(() => sweepInactivity(this.db));
    this.running = run.catch((err) => console.error('inactivity sweeper:', err));
    return run;
  }
}

export async function sweepInactivity(db: Database): Promise<{ warned: string[]; ended: string[] }> {
  const settings = await getCustomerChatSettings(db);
  const result = { warned: [] as string[], ended: [] as string[] };
  if (settings.idleWarningSeconds === 0) return result;
  if (settings.idleEndSeconds > 0) {
    for (const id of await candidates(db, dueForEnd)) if (await endIdle(db, id)) result.ended.push(id);
  }
  for (const id of await candidates(db, dueForWarning(settings.idleWarningSeconds))) {
    if (await warnIdle(db, id, settings.idleWarningSeconds, settings.idleEndSeconds)) result.warned.push(id);
  }
  return result;
}

/** Held conversations only (within the open ones' partial index, migration 14), a bounded batch per sweep. */
async function candidates(db: Sql, condition: Expression<SqlBool>): Promise<string[]> {
  const rows = await typed(db).selectFrom('conversations').select('id').where(condition).orderBy('arrived_at').limit(200).execute();
  return rows.map((r) => r.id);
}

async function warnIdle(db: Database, id: string, warnSeconds: number, endSeconds: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const won = await typed(tx)
      .updateTable('conversations')
      .set({
        idle_warned_at: sql`now()`,
        // Without an end time the warning stands alone: no countdown.
        idle_ends_at: endSeconds > 0 ? sql`now() + make_interval(secs => ${endSeconds})` : null,
      })
      .where('id', '=', id)
      .where(dueForWarning(warnSeconds))
      .returning('agent_id')
      .executeTakeFirst();
    if (!won) return false;
    await postPrompt(tx, id, 'idleWarning');
    const conversation = await reload(tx, id);
    await appendEvent(tx, { conversationId: id, queueId: conversation.queue.id, agentId: won.agent_id }, { type: 'conversation.idle-warned', conversation });
    return true;
  });
}

async function endIdle(db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ended = await endOpenConversation(tx, id, { by: 'system', reason: 'inactivity', line: null, also: dueForEnd });
    if (!ended) return false;
    // Agents see why in the thread even when the admin switched the prompt off.
    if (!(await postPrompt(tx, id, 'endedByInactivity'))) {
      const message = await insertMessage(tx, systemMessage(id, 'The chat ended after a time without messages.'));
      await appendEvent(tx, { conversationId: id, queueId: ended.queue.id, agentId: ended.agent?.id ?? null }, { type: 'message.created', message });
    }
    return true;
  });
}
