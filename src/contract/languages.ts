/**
 * The languages of the panel and the web chat (README "Languages"), by their ISO 639-1 codes.
 * Plain values, without zod: the web chat's first load reads them.
 */
export const LANGUAGES = ['en', 'de', 'fi', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', de: 'Deutsch', fi: 'Suomi', ar: 'العربية' };
