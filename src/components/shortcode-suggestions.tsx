import { useEffect, useState } from 'react';
import { searchEmoji, type EmojiSuggestion } from '../lib/emoji';
import { composerStrings } from '../lib/composer-strings';
import { SuggestionMenu, useSuggestionMenu, type SuggestionMenuState } from './suggestion-menu';

/** A `:shortcode` being typed right before the caret, e.g. `:smi` → query "smi" starting at its colon. */
export function shortcodeAt(text: string, caret: number): { query: string; from: number } | null {
  const match = /(^|\s):([a-z0-9_+-]{2,30})$/i.exec(text.slice(0, caret));
  return match ? { query: match[2]!.toLowerCase(), from: caret - match[2]!.length - 1 } : null;
}

type Suggestion = EmojiSuggestion & { from: number };

/** Emoji matching the `:shortcode` before the caret, searched as it is typed (emoji-mart loads on first use). */
export function useShortcodeSuggestions(text: string, caret: number) {
  const [found, setFound] = useState<{ key: string; items: Suggestion[] } | null>(null);
  const target = shortcodeAt(text, caret);
  const key = target ? `${target.from}:${target.query}` : null;

  useEffect(() => {
    if (!target) return;
    let stale = false;
    void searchEmoji(target.query).then((items) => {
      if (!stale) setFound({ key: `${target.from}:${target.query}`, items: items.map((f) => ({ ...f, from: target.from })) });
    });
    return () => {
      stale = true;
    };
    // `key` captures `target`; re-running on every render would search again for nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Only what was found for the shortcode being typed now.
  return useSuggestionMenu(found && found.key === key ? found.items : [], key);
}

export function ShortcodeSuggestions({ state, onChoose }: { state: SuggestionMenuState<Suggestion>; onChoose(s: Suggestion): void }) {
  return (
    <SuggestionMenu
      state={state}
      label={composerStrings.suggestions}
      itemKey={(s) => s.id}
      render={(s) => `${s.native} :${s.id}:`}
      onChoose={onChoose}
    />
  );
}
