import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allRoutes } from './all-routes';
import { RealtimeHelloSchema, RealtimeTypingSchema } from './events';
import { text, unstorableTextProblem } from './text';

/** Every string schema inside `schema`, with where it sits. */
function stringLeaves(schema: z.ZodType, path: string, out: [string, z.ZodType][] = []): [string, z.ZodType][] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const walk = (s: unknown, p: string) => stringLeaves(s as z.ZodType, p, out);
  switch (def.type) {
    case 'string':
      out.push([path, schema]);
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) walk(value, `${path}.${key}`);
      break;
    case 'array':
      walk(def.element, `${path}[]`);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      walk(def.innerType, path);
      break;
    case 'pipe':
      walk(def.in, path);
      break;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => walk(o, `${path}|${i}`));
      break;
    case 'record':
      walk(def.keyType, `${path}{key}`);
      walk(def.valueType, `${path}{}`);
      break;
  }
  return out;
}

const inputs: [string, z.ZodType][] = [
  ...Object.entries(allRoutes).flatMap(([name, route]) => [
    ...('body' in route ? [[`${name} body`, route.body] as [string, z.ZodType]] : []),
    ...('query' in route ? [[`${name} query`, route.query] as [string, z.ZodType]] : []),
  ]),
  ['realtime hello', RealtimeHelloSchema],
  ['realtime typing', RealtimeTypingSchema],
];
const leaves = inputs.flatMap(([name, schema]) => stringLeaves(schema, name));

describe('text a client sends', () => {
  it('finds the free-text fields (the walk below is not empty)', () => {
    const names = leaves.map(([p]) => p);
    for (const field of ['sendMessage body.text', 'webchatStart body.name', 'createNote body.text', 'saveDraft body.text', 'handledConversations query.search', 'createUser body.displayName', 'createQueue body.name', 'transfer body.note']) {
      expect(names).toContain(field);
    }
  });

  it.each(leaves.map(([p, s]) => [p, s] as const))('%s refuses NUL and lone surrogates', (_path, schema) => {
    expect(schema.safeParse('a\u0000b').success).toBe(false);
    expect(schema.safeParse('a\ud83db').success).toBe(false);
    expect(schema.safeParse('a\ude00').success).toBe(false);
  });

  it('keeps every real character, emoji and controls other than NUL included', () => {
    expect(unstorableTextProblem('Grüße 😀 \t\n\u0007 末')).toBeNull();
    expect(text().trim().min(1).safeParse(' 😀 ').data).toBe('😀');
  });

  it('names the problem first, before length rules', () => {
    const result = text().trim().min(1, 'empty').max(2, 'too long').safeParse('\u0000\u0000\u0000');
    expect(result.error?.issues[0]?.message).toMatch(/NUL character/);
    expect(text().safeParse('\ud83d').error?.issues[0]?.message).toMatch(/broken character/);
  });
});
