import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteDef } from './api';
import { allRoutes } from './all-routes';
import { ConversationParamsSchema } from './path-params';

describe('route path parameters', () => {
  it('are declared by every route with `:name` segments, one schema key per segment', () => {
    for (const [name, route] of Object.entries(allRoutes) as [string, RouteDef][]) {
      const segments = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort();
      const keys = route.params instanceof z.ZodObject ? Object.keys(route.params.shape).sort() : [];
      expect({ name, keys }).toEqual({ name, keys: segments });
    }
  });

  it('take a UUID in any case, handed on in lower case, and nothing else', () => {
    const id = crypto.randomUUID();
    expect(ConversationParamsSchema.parse({ id })).toEqual({ id });
    expect(ConversationParamsSchema.parse({ id: id.toUpperCase() })).toEqual({ id });
    for (const bad of ['not-a-uuid', '1', `${id}x`, ` ${id}`, "x' OR '1'='1", '']) {
      const result = ConversationParamsSchema.safeParse({ id: bad });
      expect(result.error?.issues[0]?.message, bad).toBe('This conversation was not found.');
    }
  });
});
