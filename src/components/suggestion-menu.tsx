import { MenuItem, MenuList, Paper } from '@mui/material';
import { useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * The keys of a suggestion list under the caret (emoji `:shortcodes`, canned `/shortcuts`), while
 * focus stays in the text field: arrows move, Enter or Tab choose, Escape closes it until what is
 * typed changes. `key` names what is being completed (null: nothing); a new one starts at the top.
 */
export function useSuggestionMenu<T>(items: readonly T[], key: string | null) {
  const [position, setPosition] = useState<{ key: string | null; index: number }>({ key: null, index: 0 });
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const active = position.key === key ? Math.min(position.index, Math.max(items.length - 1, 0)) : 0;
  const open = items.length > 0 && key !== null && key !== dismissedAt;
  return {
    open,
    items,
    active,
    /** Returns true when the key was the list's (the caller then leaves it alone). */
    handleKey(e: KeyboardEvent, choose: (item: T) => void): boolean {
      if (!open) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        setPosition({ key, index: (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length });
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        choose(items[active]!);
      } else if (e.key === 'Escape') {
        setDismissedAt(key);
      } else return false;
      e.preventDefault();
      return true;
    },
  };
}

export type SuggestionMenuState<T> = ReturnType<typeof useSuggestionMenu<T>>;

interface Props<T> {
  state: SuggestionMenuState<T>;
  /** The list's name for screen readers ("Emoji suggestions"). */
  label: string;
  itemKey(item: T): string;
  render(item: T): ReactNode;
  onChoose(item: T): void;
  /** Above the field (the composer, at the bottom of the screen) or below it (a field near the top). */
  placement?: 'above' | 'below';
}

/** The open list, above the composer's field; choosing with the mouse keeps the focus in the field. */
const PLACEMENT_SX = {
  above: { bottom: '100%', left: 56, right: { xs: 8, sm: 'auto' }, mb: 0.5 },
  below: { top: '100%', left: 0, right: 0, mt: 0.5 },
} as const;

export function SuggestionMenu<T>({ state, label, itemKey, render, onChoose, placement = 'above' }: Props<T>) {
  if (!state.open) return null;
  return (
    <Paper elevation={4} sx={{ position: 'absolute', ...PLACEMENT_SX[placement], maxWidth: 480, zIndex: 2 }}>
      <MenuList dense aria-label={label}>
        {state.items.map((item, i) => (
          <MenuItem key={itemKey(item)} selected={i === state.active} onMouseDown={(e) => e.preventDefault()} onClick={() => onChoose(item)}>
            {render(item)}
          </MenuItem>
        ))}
      </MenuList>
    </Paper>
  );
}
