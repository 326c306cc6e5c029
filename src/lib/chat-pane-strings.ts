import { localize, S } from './i18n';
import en from '../locales/en/chat-pane-strings.json';
/**
 * What the open conversation's pane says (its header, read-only states, ending a chat): a module
 * of its own, so it loads with the conversation page, not with the agent's lists (see
 * staff-page-strings.ts). Same ids ("panel.") as the lists' sentences there.
 */
export const chatPaneStrings = /* @__PURE__ */ localize('panel', en, {
  readOnly: S,
  pickToReply: S,
  ended: S,
  endConfirmTitle: S,
  endConfirmBody: (customer: string) => ({ customer }),
  endConfirm: S,
  heldBy: (name: string) => ({ name }),
  /** The chat pane's region name. */
  chatWith: (customer: string) => ({ customer }),
  /** The idle countdown in the chat header (`time` like 0:42). */
  endsForInactivity: (time: string) => ({ time }),
});
