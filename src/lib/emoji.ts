import type * as EmojiMart from 'emoji-mart';

/**
 * emoji-mart and its data (~80 KB gzipped) load on first use — the picker opening or a
 * `:shortcode` being typed — never with the first page.
 */
let loading: Promise<typeof EmojiMart> | undefined;

export function loadEmoji() {
  loading ??= Promise.all([import('emoji-mart'), import('@emoji-mart/data')]).then(async ([mart, data]) => {
    await mart.init({ data: data.default });
    return mart;
  });
  return loading;
}

export interface EmojiSuggestion {
  id: string;
  native: string;
}

/** Emoji whose names match `query` (without colons), best first. */
export async function searchEmoji(query: string, max = 6): Promise<EmojiSuggestion[]> {
  const { SearchIndex } = await loadEmoji();
  const found = ((await SearchIndex.search(query, { maxResults: max, caller: undefined })) ?? []) as { id: string; skins: { native: string }[] }[];
  return found.map((e) => ({ id: e.id, native: e.skins[0]!.native }));
}
