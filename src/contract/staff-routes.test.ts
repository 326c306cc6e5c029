import { describe, expect, it } from 'vitest';
import type { RouteDef } from './route-def';
import { allRoutes } from './all-routes';
import { staffRoutes } from './staff-routes';
import { webchatRoutes } from './webchat-routes';

const address = ({ method, path, access, bodyFormat, responseFormat }: Partial<RouteDef>) =>
  JSON.parse(JSON.stringify({ method, path, access, bodyFormat, responseFormat })) as Partial<RouteDef>;

describe('the staff routes without schemas', () => {
  it("name every route of the contract but the web chat's", () => {
    const expected = Object.keys(allRoutes).filter((name) => !(name in webchatRoutes));
    expect(Object.keys(staffRoutes).sort()).toEqual(expected.sort());
  });

  it("say what the schema'd route says: method, path, access and formats", () => {
    for (const [name, route] of Object.entries(staffRoutes)) {
      expect({ name, ...address(route) }).toEqual({ name, ...address(allRoutes[name as keyof typeof allRoutes]) });
    }
  });

  it('carry no schema', () => {
    for (const route of Object.values(staffRoutes)) expect(Object.keys(route).filter((k) => !['method', 'path', 'access', 'bodyFormat', 'responseFormat'].includes(k))).toEqual([]);
  });
});
