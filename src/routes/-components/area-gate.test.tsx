// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRouteWithContext, createRoute, createRouter, Outlet, RouterProvider } from '@tanstack/react-router';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mayEnter, type Role, type User } from '../../contract/auth';
import { forbiddenStrings } from '../../lib/forbidden-strings';
import { makeUser } from '../../lib/test-factories';
import { areaGate } from './area-gate';
import { StaffRouteError } from './staff-route-error';

beforeEach(() => {
  // React and the router log the refusal they render; the assertions below are what matters.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('mayEnter (the contract’s AREA_ROLES)', () => {
  it.each([
    ['agent', false, false],
    ['supervisor', true, false],
    ['admin', true, true],
  ] as const)('%s: supervision %s, admin %s', (role, supervision, admin) => {
    expect(mayEnter(role, 'supervision')).toBe(supervision);
    expect(mayEnter(role, 'admin')).toBe(admin);
  });
});

/** Two gated areas as the app declares them, each with a loader that must not run for a refused user. */
function renderAt(path: string, role: Role) {
  const loaders = { admin: vi.fn(), supervision: vi.fn() };
  const root = createRootRouteWithContext<{ user: User }>()({ component: Outlet });
  const area = (name: 'admin' | 'supervision', path: string) =>
    createRoute({
      getParentRoute: () => root,
      path,
      beforeLoad: areaGate(name),
      loader: loaders[name],
      errorComponent: StaffRouteError,
      component: () => <p>{`${name} page`}</p>,
    });
  const router = createRouter({
    routeTree: root.addChildren([area('admin', '/admin'), area('supervision', '/supervisor')]),
    history: createMemoryHistory({ initialEntries: [path] }),
    context: { user: makeUser('u', { role }) },
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return loaders;
}

describe('areaGate', () => {
  it('shows an agent the 403 page of the admin area, without loading its data', async () => {
    const loaders = renderAt('/admin', 'agent');
    expect(await screen.findByRole('heading', { name: forbiddenStrings.admin.title })).toBeTruthy();
    expect(screen.queryByText('admin page')).toBeNull();
    expect(loaders.admin).not.toHaveBeenCalled();
  });

  it('shows an agent the supervisors’ 403 page, and lets a supervisor in', async () => {
    renderAt('/supervisor', 'agent');
    expect(await screen.findByRole('heading', { name: forbiddenStrings.supervision.title })).toBeTruthy();
    cleanup();
    const loaders = renderAt('/supervisor', 'supervisor');
    expect(await screen.findByText('supervision page')).toBeTruthy();
    expect(loaders.supervision).toHaveBeenCalledOnce();
  });

  it('keeps a supervisor out of the admin area and lets an admin in', async () => {
    renderAt('/admin', 'supervisor');
    expect(await screen.findByRole('heading', { name: forbiddenStrings.admin.title })).toBeTruthy();
    cleanup();
    renderAt('/admin', 'admin');
    expect(await screen.findByText('admin page')).toBeTruthy();
  });
});
