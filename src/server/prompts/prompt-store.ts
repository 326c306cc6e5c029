import { DEFAULT_PROMPTS, PROMPT_KINDS, type PromptKind, type PromptSetting, type QueuePrompts } from '../../contract/prompts';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

const isKind = (kind: string): kind is PromptKind => (PROMPT_KINDS as readonly string[]).includes(kind);

/** A queue's prompts: what the admin saved, the defaults for the rest. */
export async function getQueuePrompts(db: Sql, queueId: string): Promise<QueuePrompts> {
  const rows = await typed(db).selectFrom('queue_prompts').select(['kind', 'enabled', 'text']).where('queue_id', '=', queueId).execute();
  const prompts: QueuePrompts = { ...DEFAULT_PROMPTS };
  for (const row of rows) if (isKind(row.kind)) prompts[row.kind] = { enabled: row.enabled, text: row.text };
  return prompts;
}

/** One prompt of a queue (the default when the admin never saved one). */
export async function getQueuePrompt(db: Sql, queueId: string, kind: PromptKind): Promise<PromptSetting> {
  const row = await typed(db)
    .selectFrom('queue_prompts')
    .select(['enabled', 'text'])
    .where('queue_id', '=', queueId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ?? DEFAULT_PROMPTS[kind];
}

/** Replaces every prompt of a queue, in the caller's transaction. */
export async function saveQueuePrompts(tx: Sql, queueId: string, prompts: QueuePrompts): Promise<void> {
  const values = PROMPT_KINDS.map((kind) => ({ queue_id: queueId, kind, enabled: prompts[kind].enabled, text: prompts[kind].text }));
  await typed(tx)
    .insertInto('queue_prompts')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['queue_id', 'kind']).doUpdateSet((eb) => ({ enabled: eb.ref('excluded.enabled'), text: eb.ref('excluded.text'), updated_at: eb.fn('now', []) })),
    )
    .execute();
}
