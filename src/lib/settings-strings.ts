/** The settings pages' sentences: a module of their own, so they load with those pages only (see staff-page-strings.ts). */
export const settingsStrings = {
  title: 'System Configurator',
  intro:
    'Choose which files agents and customers may upload and how large each file may be, how long agents have to accept offered conversations, and how long customers should wait for a reply.',
  lastSaved: (who: string, when: string) => `Last saved by ${who} on ${when}.`,
  defaults: 'Nobody has saved these settings yet: the defaults apply.',
  sections: { agentUploads: "Agents' uploads", customerUploads: "Customers' uploads" },
  sectionHints: {
    agentUploads: 'Files agents attach to their messages in the panel.',
    customerUploads: 'Files customers send from the web chat.',
  },
  kinds: { image: 'Images', video: 'Videos', document: 'Documents' },
  fileType: (label: string, extensions: readonly string[]) => `${label} (${extensions.map((e) => `.${e}`).join(', ')})`,
  maxSize: 'Maximum file size (MB)',
  maxSizeHint: (ceilingMb: number) => `At most ${ceilingMb} MB.`,
  sizeInvalid: 'Enter a size in MB, for example 10 or 2.5.',
  maxImagePixels: 'Largest image (megapixels)',
  maxImagePixelsHint: (min: number, max: number) =>
    `Width × height, as the file declares it: larger images are refused before anyone opens them. ${min} to ${max} megapixels.`,
  imagePixelsInvalid: 'Enter megapixels, for example 40 or 12.5.',
  uploadsOff: {
    agentUploads: 'No file type is allowed: agents cannot attach files.',
    customerUploads: 'No file type is allowed: customers cannot send files.',
  },
  save: 'Save changes',
  reset: 'Reset',
  unsaved: 'You have unsaved changes.',
  saved: 'Settings saved',
  fixFields: 'Some settings need fixing: see the marked fields.',
  leaveTitle: 'Leave without saving?',
  leaveBody: 'Your changes to the settings have not been saved yet.',
  stay: 'Stay',
  discardChanges: 'Discard changes',
  security: {
    section: 'Sessions',
    sectionHint: 'How long staff stay logged in. An open panel counts as use.',
    labels: { sessionIdleMinutes: 'Idle timeout (minutes)', sessionMaxDays: 'Maximum session length (days)' },
    hints: {
      sessionIdleMinutes: (min: number, max: number) => `A session unused this long ends; its user logs in again. ${min} to ${max} minutes.`,
      sessionMaxDays: (min: number, max: number) => `Every session ends this many days after login, however much it is used. ${min} to ${max} days.`,
    },
    invalid: 'Enter a whole number, for example 480.',
  },
  routing: {
    section: 'Routing and response times',
    sectionHint: 'How conversations are offered to agents, when an agent counts as gone, and how long customers should wait for an agent and for a reply.',
    labels: {
      offerTimeoutSeconds: 'Offer timeout (seconds)',
      maxMissedOffers: 'Missed offers before Away',
      lostAgentGraceSeconds: 'Lost-connection grace (seconds)',
      waitingLimitSeconds: 'Queue waiting limit (seconds)',
      replyTimeLimitSeconds: 'Reply time limit (seconds)',
      pushKeepChatsMinutes: 'Keep chats of agents reachable by push (minutes)',
    },
    hints: {
      offerTimeoutSeconds: (min: number, max: number) =>
        `How long an agent has to accept an offered conversation before it goes to the next agent. ${min} to ${max} seconds.`,
      maxMissedOffers: (min: number, max: number) =>
        `How many offers in a row an agent may let expire before being set to Away. ${min} to ${max} offers.`,
      lostAgentGraceSeconds: (min: number, max: number) =>
        `How long all of an agent's connections may be gone before their conversations go back to the queue. ${min} to ${max} seconds.`,
      waitingLimitSeconds: (min: number, max: number) =>
        `How long a customer should wait in a queue before an agent picks the chat: Picklist rows turn amber near it and red past it. ${min} to ${max} seconds (${max / 3600} hours).`,
      replyTimeLimitSeconds: (min: number, max: number) =>
        `How long a customer should wait for a reply: conversation rows turn amber near it and red past it. ${min} to ${max} seconds (${max / 3600} hours).`,
      pushKeepChatsMinutes: (min: number, max: number) =>
        `Instead of the grace period, while a device of theirs registered for push can be reached (a locked phone). ${min} to ${max} minutes; ${min}: off.`,
    },
    invalid: {
      offerTimeoutSeconds: 'Enter a number of seconds, for example 30.',
      maxMissedOffers: 'Enter a number of offers, for example 3.',
      lostAgentGraceSeconds: 'Enter a number of seconds, for example 60.',
      waitingLimitSeconds: 'Enter a number of seconds, for example 60.',
      replyTimeLimitSeconds: 'Enter a number of seconds, for example 120.',
      pushKeepChatsMinutes: 'Enter a number of minutes, for example 15.',
    },
  },
};
