import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { requireAdmin } from './access';
import { mockData } from './data';
import { route } from './route';
import { requireStaff } from './sessions';
import { publishWorkspace } from './event-log';

/** The System Configurator and the parts of it everyone reads. */

export const settingsHandlers = {
  // The System Configurator is the admins'; everyone else reads only the policy that applies to them.
  settings: route('settings', (ctx) => {
    requireAdmin(requireStaff(ctx).user);
    return { settings: structuredClone(mockData.settings) };
  }),

  updateSettings: route('updateSettings', (ctx) => {
    const { user } = requireStaff(ctx);
    requireAdmin(user);
    mockData.settings = {
      ...structuredClone(ctx.body),
      // Older clients leave the routing settings out: they are kept.
      // …and a routing setting added after them keeps its value.
      routing: ctx.body.routing
        ? { ...structuredClone(ctx.body.routing), pushKeepChatsMinutes: ctx.body.routing.pushKeepChatsMinutes ?? mockData.settings.routing.pushKeepChatsMinutes }
        : structuredClone(mockData.settings.routing),
      security: structuredClone(ctx.body.security ?? mockData.settings.security),
      customerChat: structuredClone(ctx.body.customerChat ?? mockData.settings.customerChat),
      updatedAt: new Date().toISOString(),
      updatedBy: { id: user.id, displayName: user.displayName },
    };
    publishWorkspace({ type: 'settings.updated', settings: mockData.settings });
    return { settings: structuredClone(mockData.settings) };
  }),

  routingSettings: route('routingSettings', (ctx) => {
    requireStaff(ctx);
    return { routing: structuredClone(mockData.settings.routing) };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
