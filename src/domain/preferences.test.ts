import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../contract/preferences';
import { preferencesFrom, withChoices } from './preferences';

describe('preferences', () => {
  it('keeps only choices: the side panel is stored once the user opens, closes or switches it', () => {
    const sorted = withChoices(undefined, { conversationSort: 'unread-first' });
    expect(sorted).toEqual({ conversationSort: 'unread-first', notifications: {} });
    const closed = withChoices(sorted, { sidePanel: { open: false } });
    expect(closed).toEqual({ conversationSort: 'unread-first', notifications: {}, sidePanel: { open: false } });
    expect(withChoices(closed, { sidePanel: { open: true, section: 'notes' }, notifications: { sound: false } })).toEqual({
      conversationSort: 'unread-first',
      notifications: { sound: false },
      sidePanel: { open: true, section: 'notes' },
    });
  });

  it('fills what was never chosen from the defaults: the side panel starts open at the customer', () => {
    expect(preferencesFrom(null)).toEqual(DEFAULT_PREFERENCES);
    expect(DEFAULT_PREFERENCES.sidePanel).toEqual({ open: true, section: 'customer' });
    expect(preferencesFrom({ sidePanel: { open: false } }).sidePanel).toEqual({ open: false, section: 'customer' });
    expect(preferencesFrom({ sidePanel: { section: 'history' } }).sidePanel).toEqual({ open: true, section: 'history' });
  });

  it('reads what it does not understand as the default', () => {
    const odd = preferencesFrom({ conversationSort: 'random', notifications: { sound: 'yes' }, sidePanel: { open: 1, section: 'gone' } });
    expect(odd).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps the colour scheme and the keyboard shortcuts once chosen, and reads odd values as the defaults', () => {
    expect(DEFAULT_PREFERENCES.colorScheme).toBe('system');
    expect(DEFAULT_PREFERENCES.keyboardShortcuts).toBe(true);
    const dark = withChoices(undefined, { colorScheme: 'dark' });
    expect(dark).toEqual({ notifications: {}, colorScheme: 'dark' });
    const quiet = withChoices(dark, { keyboardShortcuts: false });
    expect(preferencesFrom(quiet)).toEqual({ ...DEFAULT_PREFERENCES, colorScheme: 'dark', keyboardShortcuts: false });
    expect(preferencesFrom({ colorScheme: 'sepia', keyboardShortcuts: 'no' })).toEqual(DEFAULT_PREFERENCES);
  });
});
