import { i18n, type Messages } from '@lingui/core';
import type { EmotionCache } from '@emotion/cache';
import { LANGUAGES, type Language } from '../contract/languages';

/**
 * The panel's and the web chat's languages (README "Languages"), on Lingui's runtime: catalogs are
 * JSON files per locale in src/locales/<locale>/, one per strings module, compiled at build time
 * (src/build/lingui-catalogs.ts). English ships with each strings module (so a page's first load
 * carries only its own sentences, as before); another language is one dynamic import of all its
 * catalogs, fetched when it is chosen.
 */
export { i18n };
export { LANGUAGES, type Language };

/** Right-to-left scripts among the languages. */
const RTL: ReadonlySet<Language> = new Set(['ar']);

/** Marks a catalog entry in a strings module's shape: the sentence is the catalog's, under the entry's path. */
export const S = '\u0000' as string;

const english: Messages = {};
/** Every id a strings module reads (the catalog test checks each is in every catalog). */
export const usedIds = new Set<string>();
const translated: Partial<Record<Language, Messages>> = { en: english };
let active: Language = 'en';

type Values = Record<string, unknown>;

/**
 * A message of the active language by id; English where that language has no such message yet.
 * Plain text is returned as it is: @lingui/core treats a string as an uncompiled message, and in a
 * production build (no runtime compiler) warns in the console on every read of one.
 */
export function t(id: string, values?: Values): string {
  const message = i18n.messages[id];
  return typeof message === 'string' && !message.includes('{') ? message : i18n._(id, values);
}

/** Whether the active language has a message `id` (English stands in where it has none). */
export const hasMessage = (id: string) => i18n.messages[id] !== undefined;

/** A strings module after `localize`: sentences read from the active catalog, functions give their values to its messages. */
export type Localized<T> = T extends (...args: infer A) => infer R
  ? R extends string
    ? T
    : (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Localized<T[K]> };

function build(prefix: string, shape: unknown): unknown {
  if (Array.isArray(shape) || (typeof shape === 'object' && shape !== null)) {
    const out: Record<string, unknown> = Array.isArray(shape) ? ([] as unknown as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(shape)) {
      const id = prefix ? `${prefix}.${key}` : key;
      if (value === S || typeof value === 'function') usedIds.add(id);
      if (value === S) Object.defineProperty(out, key, { get: () => t(id), enumerable: true });
      else if (typeof value === 'function')
        out[key] = (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown)(...args);
          return typeof result === 'string' ? result : t(id, result as Values);
        };
      else out[key] = build(id, value);
    }
    return Array.isArray(shape) ? Object.freeze(out) : out;
  }
  return shape;
}

/**
 * A strings module's sentences through the catalog: `shape` is the module's object with `S` for
 * each sentence and, for each sentence with values, a function returning those values by name
 * (the message's placeholders). Ids are the paths below `prefix`. `catalog` is the module's
 * English catalog, loaded with it.
 */
export function localize<T>(prefix: string, catalog: Record<string, unknown>, shape: T): Localized<T> {
  addMessages('en', catalog as Messages);
  return build(prefix, shape) as Localized<T>;
}

function addMessages(language: Language, messages: Messages) {
  Object.assign(translated[language] ?? (translated[language] = {}), messages);
  // Another language lacks nothing: where it has no message (a partial catalog), English speaks.
  if (language === 'en' && active !== 'en') i18n.load(active, { ...messages, ...translated[active] });
  else if (language === active) i18n.load(language, active === 'en' ? messages : { ...english, ...translated[active] });
}

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ messages: Messages }>> = {
  de: () => import('../locales/de'),
  fi: () => import('../locales/fi'),
  ar: () => import('../locales/ar'),
};

/** The active language. */
export const activeLanguage = () => active;

const listeners = new Set<() => void>();
/** Calls `listener` after each change of language; returns its unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let rtlCache: EmotionCache | undefined;
/** Emotion's right-to-left cache, once an RTL language has been activated (start-app.tsx provides it). */
export const directionCache = () => (isRtl() ? rtlCache : undefined);

export const isRtl = (language: Language = active) => RTL.has(language);

/**
 * Makes `language` the active one: loads its catalogs (once), switches Lingui, and sets
 * `<html lang dir>`. Components re-render through `useLanguage` (start-app.tsx remounts the app).
 */
export async function activate(language: Language): Promise<void> {
  if (language === active && i18n.locale === language) return;
  if (language !== 'en' && !translated[language]) translated[language] = (await loaders[language]()).messages;
  if (isRtl(language) && !rtlCache) rtlCache = (await import('./rtl-cache')).rtlCache;
  active = language;
  i18n.load(language, language === 'en' ? english : { ...english, ...translated[language] });
  i18n.activate(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr';
  }
  for (const listener of listeners) listener();
}

const STORED = 'language';

/** The language this browser showed last (the login page speaks it before anyone has logged in). */
export function storedLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORED) as Language | null;
    return stored && LANGUAGES.includes(stored) ? stored : null;
  } catch {
    return null;
  }
}

/**
 * Switches to a user's choice (`null`: the browser's languages) and remembers it in this browser.
 */
export async function applyLanguage(choice: Language | null): Promise<void> {
  const language = choice ?? browserLanguage();
  try {
    if (choice) localStorage.setItem(STORED, choice);
    else localStorage.removeItem(STORED);
  } catch {
    // Storage may be off (private mode): the choice still holds on the server.
  }
  await activate(language);
}

i18n.load('en', english);
i18n.activate('en');

/** The first of the browser's languages the panel speaks, else English. */
export function browserLanguage(preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

