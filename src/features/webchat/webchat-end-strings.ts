import { localize, S } from '../../lib/i18n';
import en from '../../locales/en/webchat-end-strings.json';
/** The chat's end in the web chat (README "Ending a chat, transcript and survey"): loaded with the chat, not with every page. */
export const webchatEndStrings = /* @__PURE__ */ localize('webchatEnd', en, {
  endChat: S,
  confirmTitle: S,
  confirmBody: S,
  confirm: S,
  cancel: S,
  transcript: S,
  surveyTitle: S,
  ratingLabel: S,
  ratingNames: [S, S, S, S, S] as const,
  comment: S,
  send: S,
  chooseRating: S,
  thanks: (rating: number) => ({ rating }),
});
