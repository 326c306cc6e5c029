import { localize, S } from './i18n';
import en from '../locales/en/identity-strings.json';
/**
 * What the panel says about a customer's identity (the Unverified mark, customer details, the web
 * chat's identity secret in Settings), apart from staff-page-strings.ts: none of it is needed to
 * show the lists, so the agent's first load does not carry it (issue 11). Same rules as strings.ts.
 */
export const identityStrings = /* @__PURE__ */ localize('identity', en, {
  unverified: S,
  unverifiedLabel: S,
  unverifiedHint:
    S,
  verified: S,
  verifiedHint: (externalId: string) => ({ externalId }),
  field: S,
  // Admin: the secret embedding sites sign customer ids with.
  title: S,
  intro:
    S,
  notConfigured: S,
  configured: (name: string, at: string) => ({ name, at }),
  generate: S,
  rotate: S,
  rotateConfirmTitle: S,
  rotateConfirmBody: S,
  reveal: S,
  hide: S,
  secretLabel: S,
  secretShownOnce: S,
  copy: S,
  copied: S,
});
