import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { route } from './route';
import { choosePresence, myPresence } from './routing';
import { requireStaff } from './sessions';

/** An agent's own presence. */

export const presenceHandlers = {
  presence: route('presence', (ctx) => myPresence(requireStaff(ctx).user.id)),

  setPresence: route('setPresence', (ctx) => {
    const { user } = requireStaff(ctx);
    choosePresence(user, ctx.body.state);
    return myPresence(user.id);
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
