import { Alert, Box, Button, CircularProgress, List, ListItemButton, ListSubheader, Typography } from '@mui/material';
import { useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import type { SearchConversationRef, SearchSegment } from '../../../contract/search';
import { searchTerms } from '../../../domain/search-text';
import { errorMessage } from '../../../lib/api-client';
import { formatStamp } from '../../../lib/format';
import { searchResultStrings as s } from '../../../lib/search-result-strings';
import { useSearch } from '../api/search';

/** What the sidebar may ask of the results: focus the first one (↓ from the search box). */
export interface SearchResultsHandle {
  focusFirst(): void;
}

interface Props {
  /** The settled text of the search box (trimmed, not empty). */
  q: string;
  selectedId?: string;
  onOpenConversation(id: string): void;
  onOpenMessage(conversationId: string, seq: number): void;
  /** ↑ from the first result: back to the box. */
  onLeaveTop(): void;
  ref?: Ref<SearchResultsHandle>;
}

/** Marked words as <mark>, from plain-text segments: nothing the server sends is read as markup. */
function Marked({ segments }: { segments: SearchSegment[] }) {
  return segments.map((seg, i) =>
    seg.match ? (
      <Box component="mark" key={i} sx={{ bgcolor: 'warning.light', color: 'inherit', borderRadius: 0.5, px: 0.25 }}>
        {seg.text}
      </Box>
    ) : (
      <span key={i}>{seg.text}</span>
    ),
  );
}

const plain = (segments: SearchSegment[]) => segments.map((seg) => seg.text).join('');
const where = (c: SearchConversationRef) => (c.state === 'ended' ? `${c.queueName} · ${s.ended}` : c.queueName);

/**
 * The search's results: conversations found by their customer, then messages found by their
 * words, each a button (its accessible name says what it is and what it shows). ↑ and ↓ move
 * between them; Enter opens one.
 */
export function SearchResults({ q, selectedId, onOpenConversation, onOpenMessage, onLeaveTop, ref }: Props) {
  const hasWords = searchTerms(q).length > 0;
  const search = useSearch(q, hasWords);
  const box = useRef<HTMLDivElement>(null);
  const results = () => [...(box.current?.querySelectorAll<HTMLElement>('[data-search-result]') ?? [])];
  useImperativeHandle(ref, () => ({ focusFirst: () => results()[0]?.focus() }), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const all = results();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    e.preventDefault();
    if (e.key === 'ArrowUp' && at === 0) onLeaveTop();
    else all[Math.min(all.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  if (!hasWords) return <Status>{s.needWord}</Status>;
  if (search.isPending) {
    return (
      <Box role="status" sx={{ p: 3, textAlign: 'center' }}>
        <CircularProgress size={28} aria-label={s.searching} />
      </Box>
    );
  }
  if (search.isError) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {errorMessage(search.error)}
      </Alert>
    );
  }
  const conversations = search.data.pages[0]?.conversations ?? [];
  const messages = search.data.pages.flatMap((p) => p.messages);
  if (conversations.length === 0 && messages.length === 0) return <Status>{s.noMatches(q)}</Status>;

  return (
    <Box ref={box} onKeyDown={onKeyDown} sx={{ overflowY: 'auto', flex: 1 }}>
      <List aria-label={s.results} disablePadding>
        {conversations.length > 0 && <ListSubheader>{s.conversations}</ListSubheader>}
        {conversations.map((hit) => (
          <ListItemButton
            key={hit.conversation.id}
            data-search-result
            divider
            selected={hit.conversation.id === selectedId}
            aria-label={s.conversationResult(hit.conversation.customerName, where(hit.conversation))}
            onClick={() => onOpenConversation(hit.conversation.id)}
            sx={{ display: 'block' }}
          >
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              <Marked segments={hit.name} />
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
              {[hit.email, hit.phone].filter((f) => f !== null).map((f, i) => (
                <span key={i}>
                  {i > 0 && ' · '}
                  <Marked segments={f} />
                </span>
              ))}
              {(hit.email || hit.phone) && ' · '}
              {where(hit.conversation)}
            </Typography>
          </ListItemButton>
        ))}
        {messages.length > 0 && <ListSubheader>{s.messages}</ListSubheader>}
        {messages.map((hit) => (
          <ListItemButton
            key={hit.message.id}
            data-search-result
            divider
            aria-label={s.messageResult(hit.message.authorName, hit.conversation.customerName, plain(hit.snippet))}
            onClick={() => onOpenMessage(hit.conversation.id, hit.message.seq)}
            sx={{ display: 'block' }}
          >
            <Typography variant="caption" color="text.secondary" component="div">
              {hit.conversation.customerName} · {where(hit.conversation)} · {formatStamp(hit.message.createdAt)}
            </Typography>
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {hit.message.authorKind === 'agent' && `${hit.message.authorName}: `}
              <Marked segments={hit.snippet} />
            </Typography>
          </ListItemButton>
        ))}
      </List>
      {search.hasNextPage && (
        <Button fullWidth data-search-result onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
          {s.more}
        </Button>
      )}
    </Box>
  );
}

function Status({ children }: { children: string }) {
  return (
    <Typography role="status" color="text.secondary" sx={{ p: 3, textAlign: 'center', overflowWrap: 'anywhere' }}>
      {children}
    </Typography>
  );
}
