import { describe, expect, it, vi } from 'vitest';
import { registerCommand, requestFocus, runCommand, shortcutFor, takeFocusIntent, type KeyPress } from './shortcuts';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('shortcutFor', () => {
  it('maps single keys outside a field', () => {
    expect(shortcutFor(press('j', 'KeyJ'), false)).toBe('next');
    expect(shortcutFor(press('K', 'KeyK', { shiftKey: true }), false)).toBe('previous');
    expect(shortcutFor(press('/', 'Slash'), false)).toBe('search');
    expect(shortcutFor(press('?', 'Slash', { shiftKey: true }), false)).toBe('help');
    expect(shortcutFor(press('2', 'Digit2'), false)).toBe('mine');
    expect(shortcutFor(press('x', 'KeyX'), false)).toBeNull();
  });

  it('never fires while typing in a field, except with Alt', () => {
    expect(shortcutFor(press('e', 'KeyE'), true)).toBeNull();
    expect(shortcutFor(press('€', 'KeyE', { altKey: true }), true)).toBe('end');
    expect(shortcutFor(press('/', 'Slash', { altKey: true }), true)).toBe('search');
    expect(shortcutFor(press('?', 'Slash', { altKey: true, shiftKey: true }), true)).toBe('help');
  });

  it('leaves Ctrl and Cmd to the browser', () => {
    expect(shortcutFor(press('r', 'KeyR', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('e', 'KeyE', { metaKey: true, altKey: true }), true)).toBeNull();
  });
});

describe('commands', () => {
  it('runs the latest registration and nothing once it left', () => {
    const first = vi.fn();
    const second = vi.fn();
    const off1 = registerCommand('end', first);
    const off2 = registerCommand('end', second);
    expect(runCommand('end')).toBe(true);
    expect(second).toHaveBeenCalledOnce();
    off2();
    runCommand('end');
    expect(first).toHaveBeenCalledOnce();
    off1();
    expect(runCommand('end')).toBe(false);
  });

  it('hands a focus intent once, to the part that wants it', () => {
    requestFocus('composer');
    expect(takeFocusIntent('list')).toBe(false);
    expect(takeFocusIntent('composer')).toBe(true);
    expect(takeFocusIntent('composer')).toBe(false);
  });
});
