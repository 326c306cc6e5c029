import { localize, S } from './i18n';
import en from '../locales/en/composer-strings.json';
// What the composer and its attachments say: loaded with the chat, not with every page's first
// load (the login and the web chat's start form show no composer).
export const composerStrings = /* @__PURE__ */ localize('composer', en, {
  label: S,
  placeholder: S,
  send: S,
  emoji: S,
  typing: (name: string) => ({ name }),
  attach: S,
  camera: S,
  gallery: S,
  document: S,
  attachments: S,
  remove: (name: string) => ({ name }),
  retryUpload: (name: string) => ({ name }),
  uploading: (name: string) => ({ name }),
  drop: S,
  waitForUploads: S,
  videoPreview: (name: string) => ({ name }),
  /** Sending with refused files in the tray asks first: nothing is left out unseen. */
  refusedTitle: (count: number) => ({ count }),
  refusedBody: (names: string[]) => ({ count: names.length, names: names.map((n) => `"${n}"`).join(', ') }),
  sendWithoutRefused: (count: number) => ({ count }),
  emojiPicker: S,
  suggestions: S,
  tooLong: (max: number) => ({ max }),
  remaining: (n: number) => ({ n }),
});
