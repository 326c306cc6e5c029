import { Paper, MenuItem, MenuList } from '@mui/material';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { searchEmoji, type EmojiSuggestion } from '../lib/emoji';
import { strings } from '../lib/strings';

/** A `:shortcode` being typed right before the caret, e.g. `:smi` → query "smi" starting at its colon. */
export function shortcodeAt(text: string, caret: number): { query: string; from: number } | null {
  const match = /(^|\s):([a-z0-9_+-]{2,30})$/i.exec(text.slice(0, caret));
  return match ? { query: match[2]!.toLowerCase(), from: caret - match[2]!.length - 1 } : null;
}

type Suggestion = EmojiSuggestion & { from: number };

export function useShortcodeSuggestions(text: string, caret: number) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const target = shortcodeAt(text, caret);
  const key = target ? `${target.from}:${target.query}` : null;

  useEffect(() => {
    if (!target || key === dismissedAt) return setItems([]);
    let stale = false;
    void searchEmoji(target.query).then((found) => {
      if (!stale) {
        setItems(found.map((f) => ({ ...f, from: target.from })));
        setActive(0);
      }
    });
    return () => {
      stale = true;
    };
    // `key` captures `target`; re-running on every render would search again for nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, dismissedAt]);

  const open = items.length > 0 && key !== null && key !== dismissedAt;
  return {
    open,
    items,
    active,
    /** Arrow keys move, Enter/Tab choose, Escape closes; returns true when the key was used. */
    handleKey(e: KeyboardEvent, choose: (s: Suggestion) => void): boolean {
      if (!open) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
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

export function ShortcodeSuggestions({ state, onChoose }: { state: ReturnType<typeof useShortcodeSuggestions>; onChoose(s: Suggestion): void }) {
  if (!state.open) return null;
  return (
    <Paper elevation={4} sx={{ position: 'absolute', bottom: '100%', left: 56, mb: 0.5, zIndex: 2 }}>
      <MenuList dense aria-label={strings.composer.suggestions}>
        {state.items.map((s, i) => (
          <MenuItem key={s.id} selected={i === state.active} onMouseDown={(e) => e.preventDefault()} onClick={() => onChoose(s)}>
            {s.native} :{s.id}:
          </MenuItem>
        ))}
      </MenuList>
    </Paper>
  );
}
