import { z } from 'zod';
import { ConversationStateSchema } from './conversations';
import { AuthorKindSchema } from './messages';
import { SEARCH_PAGE_MAX, SEARCH_TEXT_MAX_LENGTH } from './limits';
import { text } from './text';

/*
 * One search over the conversations the requester may see: their customers' name, email and
 * phone, and the words customers and agents wrote (system lines and internal notes are not
 * searched). Matches come back as segments of plain text, each marked or not, so a client
 * highlights them without ever treating the text as markup.
 */

export const SearchQuerySchema = z.object({
  /** What the user typed: words (each matches words starting with it) or part of a name, email or phone. */
  q: text()
    .trim()
    .min(1, 'Type something to search for')
    .max(SEARCH_TEXT_MAX_LENGTH, `Search for at most ${SEARCH_TEXT_MAX_LENGTH} characters`),
  /** `nextCursor` of the previous page, unchanged; only valid with the same `q`. Later pages carry messages only. */
  cursor: text().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).optional(),
});
export type SearchQuery = z.input<typeof SearchQuerySchema>;

/** A piece of text; `match` marks the words the search found. Joined in order they are the whole text (or the snippet). */
export const SearchSegmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type SearchSegment = z.infer<typeof SearchSegmentSchema>;

/** What a result row shows of its conversation. */
export const SearchConversationRefSchema = z.object({
  id: z.string(),
  state: ConversationStateSchema,
  queueName: z.string(),
  arrivedAt: z.iso.datetime(),
  customerName: z.string(),
});
export type SearchConversationRef = z.infer<typeof SearchConversationRefSchema>;

/** A conversation found by its customer: the fields as segments, null where the customer has none. */
export const SearchConversationHitSchema = z.object({
  conversation: SearchConversationRefSchema,
  name: z.array(SearchSegmentSchema),
  email: z.array(SearchSegmentSchema).nullable(),
  phone: z.array(SearchSegmentSchema).nullable(),
});
export type SearchConversationHit = z.infer<typeof SearchConversationHitSchema>;

/** A message found by its words: the part of its text around the match (`…` where cut). */
export const SearchMessageHitSchema = z.object({
  conversation: SearchConversationRefSchema,
  message: z.object({
    id: z.string(),
    /** Its place in the thread: a client loads the page holding it. */
    seq: z.number().int(),
    authorKind: AuthorKindSchema.exclude(['system']),
    authorName: z.string(),
    createdAt: z.iso.datetime(),
  }),
  snippet: z.array(SearchSegmentSchema),
});
export type SearchMessageHit = z.infer<typeof SearchMessageHitSchema>;

export const SearchResultsSchema = z.object({
  /** Open conversations first, then the newest; on the first page only, at most `limit`. */
  conversations: z.array(SearchConversationHitSchema),
  /** Newest first, one page. */
  messages: z.array(SearchMessageHitSchema),
  /** Opaque; continues `messages`. Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;
