// What the composer and its attachments say: loaded with the chat, not with every page's first
// load (the login and the web chat's start form show no composer).
export const composerStrings = {
  label: 'Message',
  placeholder: 'Type a message — Enter sends, Shift+Enter for a new line',
  send: 'Send',
  emoji: 'Insert emoji',
  typing: (name: string) => `${name} is typing…`,
  attach: 'Attach',
  camera: 'Camera',
  gallery: 'Gallery',
  document: 'Document',
  attachments: 'Attachments to send',
  remove: (name: string) => `Remove ${name}`,
  retryUpload: (name: string) => `Retry ${name}`,
  uploading: (name: string) => `Uploading ${name}`,
  drop: 'Drop files to attach them',
  waitForUploads: 'Wait until the files are uploaded, or remove the ones that failed.',
  videoPreview: (name: string) => `Preview of ${name}`,
  /** Sending with refused files in the tray asks first: nothing is left out unseen. */
  refusedTitle: (count: number) => (count === 1 ? 'Send without the refused file?' : `Send without the ${count} refused files?`),
  refusedBody: (names: string[]) =>
    names.length === 1
      ? `"${names[0]}" cannot be sent: the reason is shown under it. The message will go without it, and the file will be removed.`
      : `${names.map((n) => `"${n}"`).join(', ')} cannot be sent: the reason is shown under each. The message will go without them, and the files will be removed.`,
  sendWithoutRefused: (count: number) => (count === 1 ? 'Send without it' : 'Send without them'),
  emojiPicker: 'Emoji picker',
  suggestions: 'Emoji suggestions',
  tooLong: (max: number) => `Messages can be at most ${max} characters.`,
  remaining: (n: number) => `${n} characters left`,
};
