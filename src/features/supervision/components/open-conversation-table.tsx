import { ChannelBadge } from '../../../components/channel-badge';
import { Button, Link, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { TableRegion } from '../../../components/table-region';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useDeferredValue, type MouseEvent } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { errorMessage } from '../../../lib/api-client';
import { formatStamp } from '../../../lib/format';
import { supervisorStrings } from '../../../lib/supervisor-strings';
import { queueDashboardQueryOptions } from '../api/get-queue-dashboard';
import { queueFilter, useOpenConversations } from '../api/get-open-conversations';
import { serverClockOffset } from '../server-clock';
import { Elapsed } from './elapsed';
import { TABLE_MIN_WIDTH } from '../../../lib/layout';

interface Props {
  queueId: string | undefined;
  onQueueChange(queueId: string | undefined): void;
  onOpen(conversationId: string): void;
}

/** Since when the conversation has been in its state: held since the pick, waiting since it (last) started to wait. */
function stateSince(c: Conversation): string {
  if (c.state === 'picked' && c.pickedAt) return c.pickedAt;
  return [c.arrivedAt, c.lastTransfer?.at, c.returnedAt].filter((t): t is string => !!t).sort().at(-1)!;
}

function stateLabel(c: Conversation): string {
  const s = supervisorStrings.states;
  if (c.state === 'picked') return s.picked;
  if (c.state === 'offered' && c.offer) return s.offered(c.offer.agent.displayName);
  if (c.reservedFor) return s.reserved(c.reservedFor.displayName);
  return s.queued;
}

/** Every open conversation, optionally of one queue; each opens read-only in the conversation panel. */
export function OpenConversationTable({ queueId, onQueueChange, onOpen }: Props) {
  const s = supervisorStrings;
  const dashboard = useSuspenseQuery(queueDashboardQueryOptions());
  const queues = dashboard.data.queues.map((q) => q.queue);
  const queueName = queues.find((q) => q.id === queueId)?.name;
  // Deferred: while another queue's rows load, the last ones stay on screen (no fallback flash).
  const filter = useDeferredValue(queueFilter(dashboard.data, queueId));
  const conversations = useOpenConversations(filter);
  const offsetMs = serverClockOffset(dashboard.data.at, dashboard.dataUpdatedAt);

  return (
    <Stack spacing={2}>
      <TextField
        select
        size="small"
        label={s.queueFilter}
        // An unknown queue in the URL shows as "All queues" until the list knows it.
        value={queueName ? queueId : ''}
        onChange={(e) => onQueueChange(e.target.value || undefined)}
        sx={{ width: 260 }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value="">{s.allQueues}</MenuItem>
        {queues.map((q) => (
          <MenuItem key={q.id} value={q.id}>
            {q.name}
          </MenuItem>
        ))}
      </TextField>
      {conversations.data.rows.length === 0 ? (
        <Typography color="text.secondary">{queueName ? s.noConversationsInQueue(queueName) : s.noConversations}</Typography>
      ) : (
        <TableRegion label={s.conversationsTable}>
          <Table aria-label={s.conversationsTable} size="small" sx={{ minWidth: TABLE_MIN_WIDTH }}>
            <TableHead>
              <TableRow>
                <TableCell>{s.customer}</TableCell>
                <TableCell>{s.queue}</TableCell>
                <TableCell>{s.channel}</TableCell>
                <TableCell>{s.state}</TableCell>
                <TableCell>{s.handledBy}</TableCell>
                <TableCell>{s.arrived}</TableCell>
                <TableCell sx={{ textAlign: 'right' }}>{s.inStateFor}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {conversations.data.rows.map((c) => (
                <TableRow key={c.id} hover onClick={() => onOpen(c.id)} sx={{ cursor: 'pointer' }}>
                  <TableCell component="th" scope="row">
                    <Link
                      component="button"
                      variant="body2"
                      title={s.open(c.customer.name)}
                      // The row opens it too; the link is what keyboards and screen readers use.
                      onClick={(e: MouseEvent) => {
                        e.stopPropagation();
                        onOpen(c.id);
                      }}
                      sx={{ fontWeight: 600, textAlign: 'left' }}
                    >
                      {c.customer.name || c.source}
                    </Link>
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block', maxWidth: 320 }} noWrap>
                      {c.lastMessage?.text ?? c.source}
                    </Typography>
                  </TableCell>
                  <TableCell>{c.queue.name}</TableCell>
                  <TableCell>
                    <ChannelBadge channel={c.channel} />
                  </TableCell>
                  <TableCell>{stateLabel(c)}</TableCell>
                  <TableCell>{c.agent?.displayName ?? '—'}</TableCell>
                  <TableCell>{formatStamp(c.arrivedAt)}</TableCell>
                  <TableCell sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                    <Elapsed since={stateSince(c)} offsetMs={offsetMs} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Stack direction="row" spacing={2} sx={{ p: 1.5, alignItems: 'center', justifyContent: 'space-between' }}>
            <Typography variant="body2" color="text.secondary" role="status">
              {s.shown(conversations.data.rows.length, conversations.data.total)}
            </Typography>
            {conversations.isFetchNextPageError && (
              <Typography variant="body2" color="error">
                {errorMessage(conversations.error)}
              </Typography>
            )}
            {conversations.hasNextPage && (
              <Button variant="outlined" size="small" loading={conversations.isFetchingNextPage} onClick={() => void conversations.fetchNextPage()}>
                {s.showMore}
              </Button>
            )}
          </Stack>
        </TableRegion>
      )}
    </Stack>
  );
}
