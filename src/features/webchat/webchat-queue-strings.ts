import { localize, S } from '../../lib/i18n';
import en from '../../locales/en/webchat-queue-strings.json';
/** The web chat's words for a closed or full queue and for the customer's place in line (README "Opening hours and queue limits"). */
export const webchatQueueStrings = /* @__PURE__ */ localize('webchatQueue', en, {
  closed: (queue: string) => ({ queue }),
  full: (queue: string) => ({ queue }),
  nextOpening: (when: string) => ({ when }),
  leaveMessageHint: S,
  closedFallback: S,
  fullFallback: S,
  /** A message left while closed, waiting for the opening (after a reload too). */
  messageLeft: (when: string) => ({ when }),
  /** "You are number 2 in the queue". */
  position: (position: number) => ({ position }),
  /** Shown only when the server has an estimate. */
  estimatedWait: (minutes: number) => ({ minutes }),
});
