import { describe, expect, it } from 'vitest';
import { splitMentions } from './note-text';

describe('splitMentions', () => {
  it('marks each "@Name" of a mentioned colleague, preferring the longest name', () => {
    const ann = { id: 'a', displayName: 'Ann' };
    const annLee = { id: 'b', displayName: 'Ann Lee' };
    expect(splitMentions('@Ann Lee and @Ann, see @Bob', [ann, annLee])).toEqual([
      { text: '@Ann Lee', mention: annLee },
      { text: ' and ' },
      { text: '@Ann', mention: ann },
      { text: ', see @Bob' },
    ]);
  });
});
