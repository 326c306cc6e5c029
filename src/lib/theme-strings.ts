import { localize, S } from './i18n';
import en from '../locales/en/theme-strings.json';

/** The colour scheme's words (Preferences, Appearance). */
export const themeStrings = /* @__PURE__ */ localize('theme', en, {
  appearance: S,
  appearanceHint: S,
  colorScheme: S,
  system: S,
  systemHint: S,
  light: S,
  dark: S,
});
