import type { ConversationSort } from './preference-choices';

/** Limits shared by the UI, the server and the mocks, so every side refuses the same input. */
export const MESSAGE_TEXT_MAX_LENGTH = 4000;
export const CUSTOMER_NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;
export const USERNAME_MAX_LENGTH = 40;
export const DISPLAY_NAME_MAX_LENGTH = 80;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
/** A device's name given at login by an API client. */
export const DEVICE_NAME_MAX_LENGTH = 80;
/** Enough of a browser's User-Agent to tell devices apart in the session list. */
export const USER_AGENT_MAX_LENGTH = 300;
/** A canned response's shortcut (typed after `/`) and its text, which goes into a message. */
export const CANNED_SHORTCUT_MAX_LENGTH = 30;
export const CANNED_TEXT_MAX_LENGTH = MESSAGE_TEXT_MAX_LENGTH;
/** Internal notes are longer-lived working notes than chat lines, but still one screenful. */
export const NOTE_TEXT_MAX_LENGTH = 4000;
/** People one note may @mention (each is notified). */
export const NOTE_MENTIONS_MAX = 20;
/** Page size for message lists; older pages are fetched by cursor. */
export const MESSAGE_PAGE_SIZE = 50;
/**
 * The largest page of messages: one statement whatever the size, and about half a megabyte of
 * JSON at most, so a reader scrolling to the start of a 10,000-message chat waits for a dozen
 * round trips, not fifty.
 */
export const MESSAGE_PAGE_MAX = 1000;
/** Default and largest page of the Picklist, my Conversations and the supervisors' open conversations. */
export const CONVERSATION_PAGE_SIZE = 50;
export const CONVERSATION_PAGE_MAX = 200;
/** Default and largest page of a customer's earlier conversations. */
export const HISTORY_PAGE_SIZE = 20;
export const HISTORY_PAGE_MAX = 100;
/** The history list's search: part of a name, email or phone. */
export const HANDLED_SEARCH_MAX_LENGTH = 100;
/** The panel's search (src/contract/search.ts): what may be typed, and its default and largest page. */
export const SEARCH_TEXT_MAX_LENGTH = 100;
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_PAGE_MAX = 50;
/** A message result shows about this much of its text around the first match. */
export const SEARCH_SNIPPET_LENGTH = 140;
/** A reconnecting client that missed more than this many events reloads its data instead. */
export const REALTIME_CATCH_UP_LIMIT = 1000;
/** Attachment policy: the size a new workspace allows, and the most an admin may allow (bytes). */
export const ATTACHMENT_DEFAULT_MAX_FILE_SIZE_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES = 50 * 1024 * 1024;
/**
 * Images: the most pixels an admin may allow, and what a new workspace allows. A decoded image
 * takes about 4 bytes per pixel in every browser that shows it (and on the server for a HEIC
 * copy), so a small file declaring huge dimensions is refused by its declared size.
 */
export const IMAGE_DEFAULT_MAX_PIXELS = 40_000_000;
export const IMAGE_MIN_MAX_PIXELS = 1_000_000;
export const IMAGE_MAX_PIXELS_CEILING = 100_000_000;
/** A customer's files uploaded into their chat and not yet sent with a message, at once. */
export const CUSTOMER_UNSENT_FILES_MAX = 20;
/** Files one message may carry. */
export const MESSAGE_ATTACHMENTS_MAX = 10;
/** Longer original file names are shortened (keeping the extension). */
export const ATTACHMENT_FILE_NAME_MAX_LENGTH = 120;
/** Routing settings' bounds: short enough to test, long enough to be humane. */
export const OFFER_TIMEOUT_MIN_SECONDS = 5;
export const OFFER_TIMEOUT_MAX_SECONDS = 600;
export const LOST_AGENT_GRACE_MIN_SECONDS = 10;
/** How long an agent reachable by push keeps their chats while away (settings: 0 turns the rule off). */
export const PUSH_KEEP_CHATS_MAX_MINUTES = 24 * 60;
/** Push notification devices: a user's name for one, an app's token, and how many one user may register. */
export const DEVICE_LABEL_MAX_LENGTH = 80;
export const PUSH_TOKEN_MAX_LENGTH = 4096;
export const DEVICES_PER_USER_MAX = 20;
/** How many conversations an agent may hold at once before offers stop (admin-set per agent). */
export const AGENT_CAPACITY_MIN = 1;
export const AGENT_CAPACITY_MAX = 50;
export const AGENT_CAPACITY_DEFAULT = 5;
export const QUEUE_NAME_MAX_LENGTH = 60;
/** An embedding site's own customer id, as signed into web-chat links. */
export const EXTERNAL_CUSTOMER_ID_MAX_LENGTH = 200;
/** How long a retried web-chat start may still get its conversation's token back. */
export const WEBCHAT_START_REPLAY_WINDOW_SECONDS = 600;
/**
 * The Conversations list's order until a user chooses one. Here rather than in preferences.ts
 * (which re-exports it) so that the query keys, in every first load, need no zod.
 */
export const DEFAULT_CONVERSATION_SORT: ConversationSort = 'arrived-oldest';
