import type { Messages } from '@lingui/core';

/** Every catalog of this language, compiled at build time: one chunk, loaded when the language is chosen (src/lib/i18n.ts). */
const catalogs = import.meta.glob<Messages>('./ar/*.json', { eager: true, import: 'default' });
export const messages: Messages = Object.assign({}, ...Object.values(catalogs));
