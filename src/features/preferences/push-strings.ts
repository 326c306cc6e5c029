import { localize, S } from '../../lib/i18n';
import en from '../../locales/en/push-strings.json';
/**
 * The sentences of Preferences → Push to my devices. Apart from staff-page-strings.ts, which the
 * agent's first page loads: these load with the Preferences page only. Same rules as strings.ts.
 */
export const pushStrings = /* @__PURE__ */ localize('push', en, {
  title: S,
  hint: S,
  thisDevice: S,
  turnOn: S,
  turnOnHint: S,
  turnOff: S,
  on: S,
  unsupported: S,
  noWorker: S,
  denied:
    S,
  myDevices: S,
  none: S,
  thisDeviceChip: S,
  kinds: { webpush: S, fcm: S, apns: S },
  notDelivered: S,
  registered: (when: string) => ({ when }),
  lastDelivered: (when: string) => ({ when }),
  failing: (since: string) => ({ since }),
  remove: (label: string) => ({ label }),
  removeTitle: S,
  removeBody: (label: string) => ({ label }),
  cancel: S,
  confirmRemove: S,
  listLabel: S,
});
