/**
 * The sentences only the phone and touch layouts show (bottom navigation, swipe actions, pull to
 * load). Apart from staff-page-strings.ts so that the desktop's first load does not carry them:
 * only the parts loaded on first use import this file. Same rules as strings.ts.
 */
export const phoneStrings = {
  more: 'More',
  moreLabel: 'More pages and log out',
  history: 'History',
  signedInAs: (name: string, role: string) => `${name} · ${role}`,
  back: 'Back to the list',
  rowActions: (customer: string) => `Actions for ${customer}`,
  composerPlaceholder: 'Type a message',
  swipeMore: 'More',
  swipeEnd: 'End chat',
  /** `messages`: older messages of this conversation are still to come; otherwise the earlier conversations. */
  pullToLoad: (messages = false) => `Pull down for earlier ${messages ? 'messages' : 'conversations'}`,
  releaseToLoad: (messages = false) => `Release to load earlier ${messages ? 'messages' : 'conversations'}`,
};
