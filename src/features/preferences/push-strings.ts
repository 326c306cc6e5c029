/**
 * The sentences of Preferences → Push to my devices. Apart from staff-page-strings.ts, which the
 * agent's first page loads: these load with the Preferences page only. Same rules as strings.ts.
 */
export const pushStrings = {
  title: 'Push to my devices',
  hint: 'Reach a phone or computer where the panel is not open: new customer messages in your conversations and offers, as your choices above say. While a device of yours can be reached, your conversations stay yours for a while after you close the panel or lock the phone.',
  thisDevice: 'This device',
  turnOn: 'Turn on push notifications for this device',
  turnOnHint: 'Your browser asks whether the panel may show notifications.',
  turnOff: 'Turn off for this device',
  on: 'This device gets push notifications.',
  unsupported: 'This browser cannot receive push notifications. On an iPhone or iPad, add the panel to the Home Screen first and open it from there.',
  noWorker: 'Push notifications need the panel’s service worker, which is not running in this page. Reload the page and try again.',
  denied:
    'Your browser blocks notifications from the panel. To fix it, open the site settings (the icon left of the address bar), allow Notifications, and reload this page.',
  myDevices: 'My devices',
  none: 'No device is registered for push notifications.',
  thisDeviceChip: 'This device',
  kinds: { webpush: 'Browser', fcm: 'Android app', apns: 'iOS app' },
  notDelivered: 'Registered; the server does not send to apps yet.',
  registered: (when: string) => `Registered ${when}`,
  lastDelivered: (when: string) => `last notification ${when}`,
  failing: (since: string) => `Cannot be reached since ${since}.`,
  remove: (label: string) => `Remove ${label}`,
  removeTitle: 'Remove this device?',
  removeBody: (label: string) => `${label} will get no more push notifications. You can turn them on again on that device.`,
  cancel: 'Cancel',
  confirmRemove: 'Remove',
  listLabel: 'Devices registered for push notifications',
};
