import { localize, S } from '../../lib/i18n';
import en from '../../locales/en/rating-strings.json';
/** The supervisor's customer satisfaction tables. */
export const ratingStrings = /* @__PURE__ */ localize('ratings', en, {
  title: S,
  empty: S,
  queues: S,
  agents: S,
  queue: S,
  agent: S,
  today: S,
  week: S,
  /** "4.3 of 5 (12)": the average, already formatted, and how many answered. */
  figure: (average: string, count: number) => ({ average, count }),
});
