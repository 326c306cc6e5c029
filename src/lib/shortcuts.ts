/**
 * The agent panel's keyboard shortcuts: which key runs which command, and a small registry where
 * the parts of the panel that can carry a command out (the lists, the open chat) register it while
 * they are on screen.
 */

export type ShortcutCommand =
  | 'next'
  | 'previous'
  | 'pickTop'
  | 'composer'
  | 'notes'
  | 'transfer'
  | 'end'
  | 'picklist'
  | 'mine'
  | 'history'
  | 'search'
  | 'help';

/** Each command's key as shown to the user, and the physical key (KeyboardEvent.code) that Alt+key matches in a field. */
export const SHORTCUTS: readonly { command: ShortcutCommand; key: string; code: string }[] = [
  { command: 'next', key: 'J', code: 'KeyJ' },
  { command: 'previous', key: 'K', code: 'KeyK' },
  { command: 'pickTop', key: 'P', code: 'KeyP' },
  { command: 'composer', key: 'R', code: 'KeyR' },
  { command: 'notes', key: 'N', code: 'KeyN' },
  { command: 'transfer', key: 'T', code: 'KeyT' },
  { command: 'end', key: 'E', code: 'KeyE' },
  { command: 'picklist', key: '1', code: 'Digit1' },
  { command: 'mine', key: '2', code: 'Digit2' },
  { command: 'history', key: '3', code: 'Digit3' },
  { command: 'search', key: '/', code: 'Slash' },
  { command: 'help', key: '?', code: 'Slash' },
];

export const shortcutKey = (command: ShortcutCommand) => SHORTCUTS.find((s) => s.command === command)!.key;

/** The parts of a key press the mapping looks at (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The command a key press asks for, or null. In a text field only with Alt (Alt+J, matched by the
 * physical key, as Alt changes the character on some keyboards); elsewhere the key alone or with
 * Alt. Ctrl and Cmd are left to the browser and the system.
 */
export function shortcutFor(e: KeyPress, inField: boolean): ShortcutCommand | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey) {
    const found = SHORTCUTS.filter((s) => s.code === e.code);
    if (found.length === 0) return null;
    return found.find((s) => (s.command === 'help') === e.shiftKey)?.command ?? null;
  }
  if (inField) return null;
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  return SHORTCUTS.find((s) => s.key === key)?.command ?? null;
}

/** Whether typing goes into this element: a text input, a text area, a select's field or editable content. */
export function isTypingTarget(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

type Handler = () => void;
const handlers = new Map<ShortcutCommand, Handler[]>();

/** Registers what a command does while the caller is on screen; the latest registration wins. Returns the unregistration. */
export function registerCommand(command: ShortcutCommand, handler: Handler): () => void {
  const list = handlers.get(command) ?? [];
  list.push(handler);
  handlers.set(command, list);
  return () => {
    const now = handlers.get(command) ?? [];
    handlers.set(
      command,
      now.filter((h) => h !== handler),
    );
  };
}

/** Runs a command if something on screen can; false when nothing can (no chat open for End, say). */
export function runCommand(command: ShortcutCommand): boolean {
  const handler = handlers.get(command)?.at(-1);
  if (!handler) return false;
  handler();
  return true;
}

/**
 * Where the keyboard's focus goes once the next screen is in: into the composer after Pick or
 * after opening a chat, back to the list after End chat. Set by the action, taken by the part that
 * shows up.
 */
export type FocusIntent = 'composer' | 'list' | 'section';
let intent: FocusIntent | null = null;
export const requestFocus = (next: FocusIntent) => {
  intent = next;
};
export function takeFocusIntent(want: FocusIntent): boolean {
  if (intent !== want) return false;
  intent = null;
  return true;
}
