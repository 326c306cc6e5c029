import { describe, expect, it } from 'vitest';
import { PROMPT_KINDS, type QueuePrompts } from '../contract/prompts';
import en from '../locales/en/prompt-strings.json' with { type: 'json' };
import { PROMPT_LABELS, promptChanges } from './prompt-changes';

const prompts = (change: Partial<QueuePrompts> = {}) =>
  ({ ...Object.fromEntries(PROMPT_KINDS.map((k) => [k, { enabled: false, text: '' }])), ...change }) as QueuePrompts;

describe('prompt changes for the audit list', () => {
  it('names prompts as the admin screens do in English: one catalog, plain text the server reads without Lingui', () => {
    for (const kind of PROMPT_KINDS) {
      expect(PROMPT_LABELS[kind]).toBe(en[`prompts.labels.${kind}`]);
      expect(PROMPT_LABELS[kind]).toMatch(/^[^{}#']+$/);
    }
  });

  it('says what was switched and what was rewritten', () => {
    expect(promptChanges(prompts(), prompts({ welcome: { enabled: true, text: 'Hi' }, closing: { enabled: false, text: 'Bye' } }))).toEqual([
      'Welcome switched on',
      'Welcome text changed',
      'Closing text changed',
    ]);
  });
});
