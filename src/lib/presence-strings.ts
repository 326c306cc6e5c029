import { localize, S } from './i18n';
import en from '../locales/en/presence-strings.json';
/**
 * What the presence menu's choices and the presence notice say: a module of its own, so it loads
 * with them (on first use), not with the agent's page (see staff-page-strings.ts, whose
 * presenceStrings name the menu's button and states; same "presence." ids).
 */
export const presenceDetailStrings = /* @__PURE__ */ localize('presence', en, {
  hints: {
    available: S,
    busy: S,
    away: S,
  },
  full: S,
  missedOffers: (count: number | undefined) => ({ count: count ?? 0, known: count === undefined ? 'no' : 'yes' }),
  lostConnection: (seconds: number | undefined) => ({ seconds: seconds ?? 0 }),
  backToAvailable: S,
  dismiss: S,
});
