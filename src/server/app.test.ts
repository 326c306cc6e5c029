import { expect, it } from 'vitest';
import { allRoutes } from '../contract/all-routes';
import { HealthSchema, ReadySchema } from '../contract/api';
import { describeEachBackend } from './test-support/databases';
import { useTestServer } from './test-support/test-server';

describeEachBackend('Server basics', (backend) => {
  const server = useTestServer(backend, { seed: false });

  it('reports health with the database in use', async () => {
    const health = (await server.get('/api/health')).expect(200, HealthSchema);
    expect(health).toEqual({ status: 'ok', database: backend.kind });
  });

  it('reports readiness while the database answers', async () => {
    const ready = (await server.get('/api/ready')).expect(200, ReadySchema);
    expect(ready).toEqual({ status: 'ready', database: backend.kind });
  });

  it('reports its connection pool', () => {
    const stats = server.db.stats();
    expect(stats.total).toBeGreaterThanOrEqual(1);
    expect(stats.idle).toBeLessThanOrEqual(stats.total);
    expect(stats).toMatchObject({ waiting: 0, errors: 0 });
  });

  it('publishes an OpenAPI 3 document with every contract route', async () => {
    const res = await server.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(allRoutes);
    expect(routes.length).toBeGreaterThan(0);
    for (const [name, route] of routes) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()]?.operationId, `${route.method} ${path}`).toBe(name);
    }
    const operations = Object.values(doc.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(routes.length);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    (await server.get('/api/no-such-thing')).expectError(404, 'not_found');
  });

  it('sends security headers on every answer', async () => {
    const res = await server.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
