import { describe, expect, it } from 'vitest';
import { wrapSql, type Sql } from './database';

describe('wrapSql', () => {
  it('keeps every member it is not told to replace, bound to the original', async () => {
    const signals: string[] = [];
    const original: Sql = {
      soleWriter: true,
      query: async <T>(text: string) => [{ text }] as T[],
      exec: async () => undefined,
      signalAfterCommit(name) {
        signals.push(`${name} on ${this === original ? 'original' : 'other'}`);
      },
    };
    const seen: string[] = [];
    const wrapped = wrapSql(original, {
      query: <T>(text: string, params?: unknown[]) => {
        seen.push(text);
        return original.query<T>(text, params);
      },
    });
    expect(await wrapped.query('SELECT 1')).toEqual([{ text: 'SELECT 1' }]);
    expect(seen).toEqual(['SELECT 1']);
    wrapped.signalAfterCommit?.('events');
    expect(signals).toEqual(['events on original']);
    expect(wrapped.soleWriter).toBe(true);
    // Every member of Sql is carried over: a new member added to Sql must be added to wrapSql.
    expect(Object.keys(wrapped).sort()).toEqual(Object.keys(original).sort());
  });
});
