import { afterEach, expect, it, vi } from 'vitest';
import { i18n, t } from '../lib/i18n';
import { compileCatalog } from './lingui-catalogs';

afterEach(() => vi.restoreAllMocks());

const catalog = { 'zz.title': 'Chat with us', 'zz.notes': '{n, plural, one {# note} other {# notes}}', 'zz.hello': 'Hello, {name}' };

it('keeps plain text a string and compiles ICU messages', () => {
  const compiled = compileCatalog(catalog);
  expect(compiled['zz.title']).toBe('Chat with us');
  expect(compiled['zz.hello']).toEqual(['Hello, ', ['name']]);
  expect(Array.isArray(compiled['zz.notes'])).toBe(true);
});

it('reads what the build writes through `t` as a production build does: without a runtime compiler, and without a warning', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  // Lingui sets its runtime compiler only outside production; without one it warns on every plain string read.
  i18n.setMessagesCompiler(undefined as never);
  i18n.load('en', compileCatalog(catalog));
  i18n.activate('en');
  expect(t('zz.title')).toBe('Chat with us');
  expect(t('zz.notes', { n: 1 })).toBe('1 note');
  expect(t('zz.notes', { n: 2 })).toBe('2 notes');
  expect(t('zz.hello', { name: 'Maria' })).toBe('Hello, Maria');
  expect(warn).not.toHaveBeenCalled();
});

it('names the catalog and the message that is not valid ICU', () => {
  expect(() => compileCatalog({ broken: '{n, plural, one {#}' }, 'de/strings.json')).toThrow(/de\/strings\.json: message broken is not valid ICU/);
});
