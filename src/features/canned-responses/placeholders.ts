import type { User } from '../../contract/auth';
import type { Conversation } from '../../contract/conversations';

/*
 * Placeholders in a canned response's text: `{{customer.name}}` and the others below, spaces
 * inside the braces allowed. Inserting the response fills each from the conversation; one this
 * list does not know, or one the conversation has no value for, stays as written and is flagged.
 */

export const PLACEHOLDERS = ['customer.name', 'customer.firstName', 'customer.email', 'agent.name', 'agent.firstName', 'queue.name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A placeholder's value in one conversation; null or '' when it has none. */
export type PlaceholderValues = Record<Placeholder, string | null>;

const PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isKnown = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);
const firstWord = (name: string | null) => name?.trim().split(/\s+/)[0] || null;

/** What each placeholder stands for in `conversation`, written by `user`. */
export function placeholderValues(conversation: Pick<Conversation, 'customer' | 'queue'>, user: Pick<User, 'displayName'>): PlaceholderValues {
  return {
    'customer.name': conversation.customer.name || null,
    'customer.firstName': firstWord(conversation.customer.name),
    'customer.email': conversation.customer.email,
    'agent.name': user.displayName,
    'agent.firstName': firstWord(user.displayName),
    'queue.name': conversation.queue.name,
  };
}

/** Every placeholder written in `text`, as written, in order (repeats included). */
export function placeholdersIn(text: string): { written: string; name: string }[] {
  return [...text.matchAll(PATTERN)].map((m) => ({ written: m[0], name: m[1]! }));
}

/** The placeholders of `text` no conversation can fill, each once, as written: for the editor to flag. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set(placeholdersIn(text).filter((p) => !isKnown(p.name)).map((p) => p.written))];
}

/** `text` with every placeholder that has a value filled in; the others stay as written and are listed, each once. */
export function fillPlaceholders(text: string, values: PlaceholderValues): { text: string; unfilled: string[] } {
  const unfilled = new Set<string>();
  const filled = text.replace(PATTERN, (written, name: string) => {
    const value = isKnown(name) ? values[name] : null;
    if (value) return value;
    unfilled.add(written);
    return written;
  });
  return { text: filled, unfilled: [...unfilled] };
}
