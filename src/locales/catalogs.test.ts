import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCodeSchema } from '../contract/errors';
import { LANGUAGES } from '../contract/languages';
import { activate, usedIds } from '../lib/i18n';

// Every strings module, so that each registers the ids it reads.
import.meta.glob(['../lib/*strings.ts', '../features/**/*-strings.ts'], { eager: true });

const dir = join(import.meta.dirname);
const catalog = (locale: string): Record<string, string> =>
  Object.assign({}, ...readdirSync(join(dir, locale)).map((f) => JSON.parse(readFileSync(join(dir, locale, f), 'utf8')) as Record<string, string>));
const en = catalog('en');

/** The names of a message's placeholders, plural and select arguments included. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (tokens: CompiledMessage) => {
    for (const token of tokens) {
      if (typeof token === 'string') continue;
      names.add(token[0]);
      const choices = token[2];
      if (choices && typeof choices === 'object') for (const [key, value] of Object.entries(choices)) if (key !== 'offset' && Array.isArray(value)) walk(value as CompiledMessage);
    }
  };
  walk(compileMessageOrThrow(message));
  // '#' in a plural is its own argument's number, not a placeholder of its own.
  return [...names].filter((n) => n !== '#').sort();
}

describe('message catalogs', () => {
  it('has every id the strings modules read in the English catalog', () => {
    expect(usedIds.size).toBeGreaterThan(700);
    expect([...usedIds].filter((id) => !(id in en))).toEqual([]);
  });

  it('has a sentence for every error code the server sends', () => {
    expect(ErrorCodeSchema.options.filter((code) => !(`errors.${code}` in en))).toEqual([]);
  });

  it.each(['de', 'fi'])('%s is complete: every English message, no other', (locale) => {
    const messages = catalog(locale);
    expect(Object.keys(en).filter((id) => !(id in messages))).toEqual([]);
    expect(Object.keys(messages).filter((id) => !(id in en))).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has only valid ICU messages, with the placeholders of the English ones', (locale) => {
    const messages = catalog(locale);
    expect(Object.keys(messages).filter((id) => !(id in en))).toEqual([]);
    const mismatched = Object.entries(messages)
      .filter(([id, message]) => placeholders(message).join() !== placeholders(en[id]!).join())
      .map(([id]) => id);
    expect(mismatched).toEqual([]);
  });
});

describe('messages at run time', () => {
  afterAll(() => activate('en'));

  it('speaks English by default, with ICU plurals for counts', async () => {
    const { conversationListStrings } = await import('../lib/staff-page-strings');
    const { offerCardStrings } = await import('../lib/offer-card-strings');
    const { strings } = await import('../lib/strings');
    expect(conversationListStrings.unread(1)).toBe('1 unread message');
    expect(conversationListStrings.unread(3)).toBe('3 unread messages');
    expect(offerCardStrings.secondsLeft(1)).toBe('1 second left');
    expect(strings.thread.arrived('Ann', '', 2)).toBe('Ann sent 2 files');
    expect(strings.thread.arrived('Ann', 'Hi', 0)).toBe('Ann: Hi');
    expect(conversationListStrings.title('Panel', 0)).toBe('Panel');
    expect(conversationListStrings.title('Panel', 4)).toBe('(4) Panel');
  });

  it('switches every module to German, with German plurals', async () => {
    const { conversationListStrings } = await import('../lib/staff-page-strings');
    const { strings } = await import('../lib/strings');
    await activate('de');
    expect(strings.login.submit).toBe('Anmelden');
    expect(conversationListStrings.unread(1)).toBe('1 ungelesene Nachricht');
    expect(conversationListStrings.unread(5)).toBe('5 ungelesene Nachrichten');
    await activate('fi');
    expect(conversationListStrings.unread(5)).toBe('5 lukematonta viestiä');
  });

  it('falls back to English where a partial catalog (Arabic) has no message', async () => {
    const { strings } = await import('../lib/strings');
    await activate('ar');
    expect(strings.login.submit).toBe('تسجيل الدخول');
    expect(strings.setup.title).toBe('Create the first admin');
  });
});
