import { describe, expect, it } from 'vitest';
import { invalidSearch, oneOf, optionalOneOf, positiveInt, stringOr } from './search-params';

describe('search param checks', () => {
  it('keep a known choice and drop anything else', () => {
    expect(oneOf(['a', 'b'], 'b')).toBe('b');
    for (const bad of ['c', 1, null, undefined, ['a']]) expect(oneOf(['a', 'b'], bad)).toBeUndefined();
  });

  it('fail the route on an unknown choice where there is no fallback', () => {
    expect(optionalOneOf('panel', ['notes'], undefined)).toBeUndefined();
    expect(optionalOneOf('panel', ['notes'], 'notes')).toBe('notes');
    expect(() => optionalOneOf('panel', ['notes'], 'nope')).toThrow(/panel/);
    expect(() => invalidSearch('list', 3)).toThrow('Invalid search param list: 3');
  });

  it('take strings and positive whole numbers as a coercing schema did', () => {
    expect(stringOr('x')).toBe('x');
    expect(stringOr(4)).toBeUndefined();
    expect([7, '7', '0', 0, -2, 1.5, 'x', null, undefined].map(positiveInt)).toEqual([7, 7, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
