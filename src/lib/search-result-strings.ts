/** The words of the panel's search results: apart from the box's, so the first load does not carry them. */
export const searchResultStrings = {
  results: 'Search results',
  conversations: 'Conversations',
  messages: 'Messages',
  searching: 'Searching…',
  noMatches: (q: string) => `No matches for “${q}”`,
  needWord: 'Type a letter or digit to search.',
  more: 'More messages',
  /** A result's accessible name: what it is, and the text it shows. */
  conversationResult: (name: string, queue: string) => `Conversation with ${name}, ${queue}`,
  messageResult: (author: string, customer: string, text: string) => `Message from ${author} in the chat with ${customer}: ${text}`,
  ended: 'ended',
};
