import { LANGUAGES, type Language } from '../../contract/languages';
import { browserLanguage } from '../../lib/i18n';

const KEY = 'cp-webchat-language';

/** The web chat's language: the one the customer chose on this device, else the first of their browser's the chat speaks. */
export const webchatLanguage = {
  get: (): Language => {
    const chosen = localStorage.getItem(KEY) as Language | null;
    return chosen && LANGUAGES.includes(chosen) ? chosen : browserLanguage();
  },
  set: (language: Language) => localStorage.setItem(KEY, language),
};
