import { setupI18n } from '@lingui/core';
import { afterEach, expect, it, vi } from 'vitest';
import { compileCatalog } from './lingui-catalogs';

afterEach(() => vi.restoreAllMocks());

it('compiles plain text and ICU messages into what @lingui/core reads without a compiler or a warning', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const i18n = setupI18n();
  // As in the production build: Lingui sets its runtime compiler only outside production.
  i18n.setMessagesCompiler(undefined as never);
  i18n.load('en', compileCatalog({ title: 'Chat with us', notes: '{n, plural, one {# note} other {# notes}}', hello: 'Hello, {name}' }));
  i18n.activate('en');
  expect(i18n._('title')).toBe('Chat with us');
  expect(i18n._('notes', { n: 1 })).toBe('1 note');
  expect(i18n._('notes', { n: 2 })).toBe('2 notes');
  expect(i18n._('hello', { name: 'Maria' })).toBe('Hello, Maria');
  expect(warn).not.toHaveBeenCalled();
});

it('names the catalog and the message that is not valid ICU', () => {
  expect(() => compileCatalog({ broken: '{n, plural, one {#}' }, 'de/strings.json')).toThrow(/de\/strings\.json: message broken is not valid ICU/);
});
