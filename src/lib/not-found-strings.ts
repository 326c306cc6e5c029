import { localize, S } from './i18n';
import en from '../locales/en/not-found-strings.json';
/** The staff panel's "page not found" page: loaded with that page only (see staff-page-strings.ts). */
export const notFoundStrings = /* @__PURE__ */ localize('notFound', en, {
  title: S,
  body: (path: string) => ({ path }),
  back: { '/agent': S, '/supervisor': S, '/admin': S },
});
