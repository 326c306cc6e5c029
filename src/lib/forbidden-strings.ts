import { localize, S } from './i18n';
import en from '../locales/en/forbidden-strings.json';
/**
 * The pages a role may not open say why: a module of its own, loaded with the error page that
 * shows them (routes/-components/staff-route-error.tsx), not with every staff page. Ids below
 * "staffFrame.forbidden", as when they were part of the frame's strings.
 */
export const forbiddenStrings = /* @__PURE__ */ localize('staffFrame.forbidden', en, {
  supervision: {
    title: S,
    body: S,
  },
  admin: {
    title: S,
    body: S,
  },
});
