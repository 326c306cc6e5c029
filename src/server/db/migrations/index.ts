import type { Migration } from './migration';
import m001 from './001-conversation-loop';
import m002 from './002-internal-notes';
import m003 from './003-transfers';
import m004 from './004-attachments-and-settings';
import m005 from './005-drafts';
import m006 from './006-presence-offers-read-markers-preferences';
import m007 from './007-supervision-and-administration';
import m008 from './008-session-idle-timeout';
import m010 from './010-customer-identity-and-idempotent-web-chat-start';
import m011 from './011-conversation-trail-kept-beyond-the-event-log';
import m012 from './012-event-log-without-a-global-lock';
import m014 from './014-paged-conversation-lists';
import m015 from './015-indexes-for-history-search-and-the-supervisor-dashboard';
import m016 from './016-unread-first-order-on-an-index';
import m017 from './017-sequencer-batch-in-one-call';
import m018 from './018-push-devices';
import m019 from './019-sessions-listed-per-device';
import m021 from './021-messaging-channels';
import m022 from './022-canned-responses';
import m023 from './023-wrap-up-codes';
import m024 from './024-full-text-search';
import m025 from './025-note-mentions';
import m026 from './026-chat-prompts';
import m027 from './027-opening-hours-and-queue-limits';
import m028 from './028-customer-endings-and-inactivity';
import m029 from './029-satisfaction-ratings';

export type { Migration } from './migration';

/** Every migration, in the order they apply (ascending ids; a test checks it). */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m010, m011, m012, m014, m015, m016, m017, m018, m019, m021, m022, m023, m024, m025, m026, m027, m028, m029];
