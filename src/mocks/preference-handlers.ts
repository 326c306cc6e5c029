import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { DEFAULT_PREFERENCES, type Preferences, type UpdatePreferencesRequest } from '../contract/preferences';
import { mockData } from './data';
import { route } from './route';
import { requireStaff } from './sessions';
import { publishUser } from './event-log';

/** Each user's own preferences, as src/server/preferences: their choices over the defaults. */

const preferencesOf = (chosen: UpdatePreferencesRequest | undefined): Preferences => ({
  conversationSort: chosen?.conversationSort ?? DEFAULT_PREFERENCES.conversationSort,
  notifications: { ...DEFAULT_PREFERENCES.notifications, ...chosen?.notifications },
});

export const preferenceHandlers = {
  preferences: route('preferences', (ctx) => ({ preferences: preferencesOf(mockData.preferences.get(requireStaff(ctx).user.id)) })),

  // Only what the body names changes, and only choices are kept.
  updatePreferences: route('updatePreferences', (ctx) => {
    const { user } = requireStaff(ctx);
    const stored = mockData.preferences.get(user.id);
    const notifications = Object.fromEntries(Object.entries(ctx.body.notifications ?? {}).filter(([, v]) => v !== undefined));
    const sort = ctx.body.conversationSort ?? stored?.conversationSort;
    const chosen: UpdatePreferencesRequest = { ...(sort ? { conversationSort: sort } : {}), notifications: { ...stored?.notifications, ...notifications } };
    mockData.preferences.set(user.id, chosen);
    const next = preferencesOf(chosen);
    publishUser(user.id, { type: 'preferences.updated', preferences: next });
    return { preferences: structuredClone(next) };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
