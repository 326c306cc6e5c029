import { Box, Button, Chip, ListItemButton, Stack, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Conversation, ConversationView } from '../../../contract/conversations';
import { useNow } from '../../../hooks/use-now';
import { formatDuration, formatTime } from '../../../lib/format';
import { strings } from '../../../lib/strings';
import type { DrawerSection } from '../drawer-section';
import { ConversationMenu } from './conversation-menu';

interface Props {
  view: ConversationView;
  conversations: Conversation[];
  selectedId?: string;
  onOpen(id: string, section?: DrawerSection): void;
  /** Shown on picklist rows when the user may pick. */
  onPick?(id: string): void;
  pickingId?: string;
}

const ROW_HEIGHT = 84;

/** A virtualized list of conversations: thousands of rows cost no more than the visible ones. */
export function ConversationList({ view, conversations, selectedId, onOpen, onPick, pickingId }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow(1000);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => conversations[index]!.id,
  });

  return (
    <Box ref={scroller} sx={{ flex: 1, overflowY: 'auto' }}>
      <Box
        role="list"
        aria-label={view === 'picklist' ? strings.panel.picklist : strings.panel.conversations}
        sx={{ position: 'relative', height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const c = conversations[item.index]!;
          const preview = view === 'picklist' ? c.firstMessage : c.lastMessage;
          return (
            <Box
              key={item.key}
              role="listitem"
              aria-label={c.customer.name}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
                display: 'flex',
                alignItems: 'center',
                borderBottom: 1,
                borderColor: 'divider',
              }}
            >
              <ListItemButton
                selected={c.id === selectedId}
                onClick={() => onOpen(c.id)}
                sx={{ height: '100%', alignItems: 'flex-start', py: 1, minWidth: 0 }}
              >
                <Stack sx={{ minWidth: 0, flex: 1 }} spacing={0.25}>
                  <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
                    <Typography variant="subtitle2" component="p" noWrap sx={{ flex: 1 }}>
                      {c.customer.name || c.customer.phone}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" noWrap>
                      {view === 'picklist'
                        ? strings.panel.waiting(formatDuration(now - Date.parse(c.arrivedAt)))
                        : c.lastMessage && formatTime(c.lastMessage.createdAt)}
                    </Typography>
                  </Stack>
                  <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
                    <Chip label={c.queue.name} size="small" variant="outlined" sx={{ height: 20 }} />
                    {c.reservedFor && <Chip label={strings.transfer.forYou} size="small" color="secondary" sx={{ height: 20 }} />}
                    <Typography variant="body2" color="text.secondary" noWrap sx={{ flex: 1 }}>
                      {preview?.text ?? strings.panel.noMessagesYet}
                    </Typography>
                  </Stack>
                </Stack>
              </ListItemButton>
              <ConversationMenu size="small" label={strings.drawer.more(c.customer.name)} onOpenSection={(section) => onOpen(c.id, section)} />
              {onPick && (
                <Button
                  size="small"
                  variant="contained"
                  sx={{ mr: 1, flexShrink: 0 }}
                  aria-label={`${strings.panel.pick} ${c.customer.name}`}
                  loading={pickingId === c.id}
                  onClick={() => onPick(c.id)}
                >
                  {strings.panel.pick}
                </Button>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
