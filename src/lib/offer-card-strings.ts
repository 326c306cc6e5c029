import { localize, S } from './i18n';
import en from '../locales/en/offer-card-strings.json';
/** What an offer's card says: loaded with the card (right after the first paint), not with the lists (see staff-page-strings.ts; same "offers." ids). */
export const offerCardStrings = /* @__PURE__ */ localize('offers', en, {
  region: (customer: string) => ({ customer }),
  heading: S,
  accept: S,
  reject: S,
  secondsLeft: (s: number) => ({ s }),
  timeLeft: S,
  expiring: S,
});
