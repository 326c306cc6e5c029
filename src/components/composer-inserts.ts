import type { ReactNode } from 'react';
import type { User } from '../contract/auth';
import type { Conversation } from '../contract/conversations';
import type { AttachmentUploads } from '../hooks/use-attachment-uploads';

/*
 * Ready-made text for the staff composer from a source outside it (canned responses, in their own
 * feature): `/shortcut` suggestions at the caret, a picker beside the emoji button, and a warning
 * about what the inserted text still needs. The web chat's composer has none.
 */

export interface SlashSuggestion {
  id: string;
  /** What the list shows first, e.g. "/thanks". */
  label: string;
  /** A line under it, e.g. the start of the text. */
  detail: string;
}

export interface ComposerInserts {
  /** The suggestion list's name for screen readers. */
  label: string;
  /** Suggestions for `/query` (lower case, maybe empty) typed at the start of a word, best first. */
  suggest(query: string): readonly SlashSuggestion[];
  /** The text a chosen suggestion puts in the composer; it may add files to the composer meanwhile. */
  choose(id: string): string;
  /** A button beside the emoji button whose choice goes in at the caret. */
  picker?(insert: (text: string) => void, disabled: boolean): ReactNode;
  /** What is still wrong with the text as it stands (e.g. placeholders nobody filled in), under the field. */
  warning?(text: string): string | null;
}

/** Where they come from: a hook the page hands to the chat pane, called with what the chat knows. */
export type UseComposerInserts = (chat: { conversation: Conversation; user: User; uploads: AttachmentUploads; writing: boolean }) => ComposerInserts | undefined;

/** A `/shortcut` being typed right before the caret, at the start of a word: its query and where its slash is. */
export function slashAt(text: string, caret: number): { query: string; from: number } | null {
  const match = /(^|\s)\/([a-z0-9_-]{0,30})$/i.exec(text.slice(0, caret));
  return match ? { query: match[2]!.toLowerCase(), from: caret - match[2]!.length - 1 } : null;
}
