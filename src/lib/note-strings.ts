/** Words of internal notes in the thread, @mentions and their notices (staff panel only). */
export const noteStrings = {
  label: 'Internal note',
  /** The row's accessible name: what it is, who wrote it, when. */
  rowLabel: (author: string, time: string) => `Internal note by ${author}, ${time}`,
  hidden: 'Not visible to the customer',
  tab: (count: number) => (count === 0 ? 'Notes' : `Notes (${count})`),
  tabLabel: (count: number) => `Internal notes, ${count === 1 ? '1 note' : `${count} notes`}`,
  mentionSuggestions: 'Colleagues to mention',
  mentionHint: 'Type @ to mention a colleague; they are notified.',
  cannotSee: 'Cannot see this conversation',
  cannotMention: (name: string) => `${name} cannot see this conversation, so they cannot be mentioned in its notes.`,
  mentioned: (author: string, customer: string) => `${author} mentioned you in a note on ${customer}'s conversation`,
  openNote: 'Open',
  desktopTitle: (author: string) => `${author} mentioned you in a note`,
};
