import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { preferencesFrom, withChoices } from '../domain/preferences';
import { mockData } from './data';
import { route } from './route';
import { requireStaff } from './sessions';
import { publishUser } from './event-log';

/** Each user's own preferences, as src/server/preferences: their choices over the defaults. */

export const preferenceHandlers = {
  preferences: route('preferences', (ctx) => ({ preferences: preferencesFrom(mockData.preferences.get(requireStaff(ctx).user.id)) })),

  // Only what the body names changes, and only choices are kept.
  updatePreferences: route('updatePreferences', (ctx) => {
    const { user } = requireStaff(ctx);
    const chosen = withChoices(mockData.preferences.get(user.id), ctx.body);
    mockData.preferences.set(user.id, chosen);
    const next = preferencesFrom(chosen);
    publishUser(user.id, { type: 'preferences.updated', preferences: next });
    return { preferences: structuredClone(next) };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
