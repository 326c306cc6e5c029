import { localize, S } from '../../lib/i18n';
import en from '../../locales/en/web-chat-settings-strings.json';
/** Admin → Settings → Web chat. */
export const webChatSettingsStrings = /* @__PURE__ */ localize('webChatSettings', en, {
  title: S,
  intro: (min: number) => ({ min }),
  survey: S,
  emailRequired: S,
  idleWarning: S,
  idleEnd: S,
  save: S,
  saved: S,
  invalid: (min: number) => ({ min }),
});
