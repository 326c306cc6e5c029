import { useEffect, useRef } from 'react';
import { isTypingTarget, registerCommand, runCommand, shortcutFor, type ShortcutCommand } from '../lib/shortcuts';

/** Registers what a shortcut's command does while the caller is on screen (and `enabled`); always calls the latest `run`. */
export function useCommand(command: ShortcutCommand, run: () => void, enabled = true) {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => (enabled ? registerCommand(command, () => latest.current()) : undefined), [command, enabled]);
}

/**
 * Listens for the panel's shortcuts on the whole page while `on` (the user's preference). Keys
 * pressed in a dialog or a menu belong to it; in a text field only Alt+key counts.
 */
export function useShortcutKeys(on: boolean) {
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[role="dialog"], [role="menu"], [role="listbox"]')) return;
      const command = shortcutFor(e, isTypingTarget(target));
      if (command && runCommand(command)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [on]);
}
