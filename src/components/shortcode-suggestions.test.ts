import { describe, expect, it } from 'vitest';
import { shortcodeAt } from './shortcode-suggestions';

describe('shortcodeAt', () => {
  it('finds a shortcode being typed before the caret', () => {
    expect(shortcodeAt('hello :smi', 10)).toEqual({ query: 'smi', from: 6 });
    expect(shortcodeAt(':thumbs', 7)).toEqual({ query: 'thumbs', from: 0 });
  });

  it('ignores single letters, words glued to a colon and text after the caret', () => {
    expect(shortcodeAt('hello :s', 8)).toBeNull();
    expect(shortcodeAt('time 10:30', 10)).toBeNull();
    expect(shortcodeAt('hello :smile and more', 21)).toBeNull();
    expect(shortcodeAt('hello :smile and more', 12)).toEqual({ query: 'smile', from: 6 });
  });
});
