import { describe, expect, it } from 'vitest';
import { slashAt } from './composer-inserts';

describe('slashAt', () => {
  it('finds a /shortcut being typed at the start of a word before the caret, even a bare slash', () => {
    expect(slashAt('/tha', 4)).toEqual({ query: 'tha', from: 0 });
    expect(slashAt('Hi! /Thanks', 11)).toEqual({ query: 'thanks', from: 4 });
    expect(slashAt('line one\n/', 10)).toEqual({ query: '', from: 9 });
  });

  it('ignores slashes inside words and addresses, and text after the caret', () => {
    expect(slashAt('and/or', 6)).toBeNull();
    expect(slashAt('see https://example.com/help', 28)).toBeNull();
    expect(slashAt('/thanks and more', 16)).toBeNull();
    expect(slashAt('/thanks and more', 7)).toEqual({ query: 'thanks', from: 0 });
    expect(slashAt('/two words', 10)).toBeNull();
  });
});
