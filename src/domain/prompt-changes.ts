import { PROMPT_KINDS, type PromptKind, type QueuePrompts } from '../contract/prompts';
import en from '../locales/en/prompt-strings.json' with { type: 'json' };

/**
 * How each prompt is named in the audit list's summary, which the server writes once, in English
 * (the server's language, as its other audit summaries). One source with the admin screens: the
 * English catalog's `prompts.labels.*` (src/features/admin/prompt-strings.ts), read here as plain
 * JSON. They are plain text, no ICU (prompt-changes.test.ts checks), so the server needs no
 * Lingui to read them.
 */
export const PROMPT_LABELS = Object.fromEntries(PROMPT_KINDS.map((kind) => [kind, en[`prompts.labels.${kind}`]])) as Record<PromptKind, string>;

/** What an admin changed in a queue's prompts, for the audit list ("Welcome switched on; Closing text changed"). */
export function promptChanges(before: QueuePrompts, after: QueuePrompts): string[] {
  const changes: string[] = [];
  for (const kind of PROMPT_KINDS) {
    const label = PROMPT_LABELS[kind];
    if (before[kind].enabled !== after[kind].enabled) changes.push(`${label} switched ${after[kind].enabled ? 'on' : 'off'}`);
    if (before[kind].text !== after[kind].text) changes.push(`${label} text changed`);
  }
  return changes;
}
