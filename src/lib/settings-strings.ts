import { localize, S } from './i18n';
import en from '../locales/en/settings-strings.json';
/** The settings pages' sentences: a module of their own, so they load with those pages only (see staff-page-strings.ts). */
export const settingsStrings = /* @__PURE__ */ localize('settings', en, {
  title: S,
  intro:
    S,
  lastSaved: (who: string, when: string) => ({ who, when }),
  defaults: S,
  sections: { agentUploads: S, customerUploads: S },
  sectionHints: {
    agentUploads: S,
    customerUploads: S,
  },
  kinds: { image: S, video: S, document: S },
  fileType: (label: string, extensions: readonly string[]) => ({ label, extensions: extensions.map((e) => `.${e}`).join(', ') }),
  maxSize: S,
  maxSizeHint: (ceilingMb: number) => ({ ceilingMb }),
  sizeInvalid: S,
  maxImagePixels: S,
  maxImagePixelsHint: (min: number, max: number) => ({ min, max }),
  imagePixelsInvalid: S,
  uploadsOff: {
    agentUploads: S,
    customerUploads: S,
  },
  save: S,
  reset: S,
  unsaved: S,
  saved: S,
  fixFields: S,
  leaveTitle: S,
  leaveBody: S,
  stay: S,
  discardChanges: S,
  security: {
    section: S,
    sectionHint: S,
    labels: { sessionIdleMinutes: S, sessionMaxDays: S },
    hints: {
      sessionIdleMinutes: (min: number, max: number) => ({ min, max }),
      sessionMaxDays: (min: number, max: number) => ({ min, max }),
    },
    invalid: S,
  },
  routing: {
    section: S,
    sectionHint: S,
    labels: {
      offerTimeoutSeconds: S,
      maxMissedOffers: S,
      lostAgentGraceSeconds: S,
      waitingLimitSeconds: S,
      replyTimeLimitSeconds: S,
      pushKeepChatsMinutes: S,
    },
    hints: {
      offerTimeoutSeconds: (min: number, max: number) => ({ min, max }),
      maxMissedOffers: (min: number, max: number) => ({ min, max }),
      lostAgentGraceSeconds: (min: number, max: number) => ({ min, max }),
      waitingLimitSeconds: (min: number, max: number) => ({ min, max, hours: max / 3600 }),
      replyTimeLimitSeconds: (min: number, max: number) => ({ min, max, hours: max / 3600 }),
      pushKeepChatsMinutes: (min: number, max: number) => ({ min, max }),
    },
    invalid: {
      offerTimeoutSeconds: S,
      maxMissedOffers: S,
      lostAgentGraceSeconds: S,
      waitingLimitSeconds: S,
      replyTimeLimitSeconds: S,
      pushKeepChatsMinutes: S,
    },
  },
});
