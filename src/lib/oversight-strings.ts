/**
 * What supervisors and admins do in a conversation: its audit trail and reassigning it. A module of
 * its own, loaded with the conversation's menu and drawer, not with any first load.
 */
export const oversightStrings = {
  audit: {
    empty: 'Nothing recorded for this conversation yet.',
    hint: 'Everything that happened to this conversation, oldest first. Only supervisors and admins see it.',
    actors: { customer: 'Customer', system: 'System' },
    entry: (when: string, who: string) => `${when} · ${who}`,
  },
  reassign: {
    action: 'Reassign',
    title: 'Reassign conversation',
    intro: (customer: string) =>
      `Move the conversation with ${customer} to another queue or to a logged-in agent. It waits there to be picked; the receiver sees your note.`,
    submit: 'Reassign',
  },
};
