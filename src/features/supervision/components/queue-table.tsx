import { Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { TableRegion } from '../../../components/table-region';
import { useSuspenseQuery } from '@tanstack/react-query';
import { supervisorStrings } from '../../../lib/supervisor-strings';
import { queueDashboardQueryOptions } from '../api/get-queue-dashboard';
import { serverClockOffset } from '../server-clock';
import { Elapsed } from './elapsed';
import { WaitingSparkline } from './waiting-sparkline';
import { TABLE_MIN_WIDTH } from '../../../lib/layout';
import { ChannelCountTable } from './channel-count-table';
import { AVAILABILITY_REFRESH_MS, AvailabilityChips } from './availability-chips';

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** One row per queue: what waits, for how long, what is offered and held, who serves it. */
export function QueueTable({ onShowQueue }: { onShowQueue(queueId: string): void }) {
  const s = supervisorStrings;
  // Queues open and close by the clock, with no event: the figures are also read again each minute.
  const dashboard = useSuspenseQuery({ ...queueDashboardQueryOptions(), refetchInterval: AVAILABILITY_REFRESH_MS });
  const { queues, at, channels } = dashboard.data;
  if (queues.length === 0) return <Typography color="text.secondary">{s.noQueues}</Typography>;
  const offsetMs = serverClockOffset(at, dashboard.dataUpdatedAt);

  return (
    <>
    <TableRegion label={s.queuesTable}>
      <Table aria-label={s.queuesTable} size="small" sx={{ minWidth: TABLE_MIN_WIDTH }}>
        <TableHead>
          <TableRow>
            <TableCell>{s.queue}</TableCell>
            <TableCell sx={numberCell}>{s.waiting}</TableCell>
            <TableCell sx={numberCell}>{s.longestWait}</TableCell>
            <TableCell sx={numberCell}>{s.offered}</TableCell>
            <TableCell sx={numberCell}>{s.inProgress}</TableCell>
            <TableCell sx={numberCell}>{s.agentsServing}</TableCell>
            <TableCell sx={numberCell}>{s.available}</TableCell>
            <TableCell>{s.lastHour}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {queues.map((q) => (
            <TableRow key={q.queue.id} hover>
              <TableCell component="th" scope="row">
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Link
                    component="button"
                    variant="body2"
                    onClick={() => onShowQueue(q.queue.id)}
                    title={s.showConversations(q.queue.name)}
                    sx={{ fontWeight: 600, textAlign: 'left' }}
                  >
                    {q.queue.name}
                  </Link>
                  <Chip size="small" variant="outlined" label={s.routingModes[q.queue.routingMode]} />
                  {q.availability && <AvailabilityChips availability={q.availability} maxWaiting={q.maxWaiting ?? null} />}
                </Stack>
                <Typography variant="caption" color="text.secondary">
                  {q.queue.address}
                </Typography>
              </TableCell>
              <TableCell sx={{ ...numberCell, fontWeight: q.waiting > 0 ? 700 : undefined }}>{q.waiting}</TableCell>
              <TableCell sx={numberCell}>
                {q.longestWaitingSince ? <Elapsed since={q.longestWaitingSince} offsetMs={offsetMs} /> : s.noWait}
              </TableCell>
              <TableCell sx={numberCell}>{q.offered}</TableCell>
              <TableCell sx={numberCell}>{q.inProgress}</TableCell>
              <TableCell sx={numberCell}>{q.agents}</TableCell>
              <TableCell sx={{ ...numberCell, color: q.agents > 0 && q.availableAgents === 0 ? 'error.main' : undefined }}>
                {q.availableAgents}
              </TableCell>
              <TableCell>
                <WaitingSparkline queueName={q.queue.name} samples={q.waitingHistory} current={{ at, waiting: q.waiting }} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableRegion>
    {channels && <ChannelCountTable channels={channels} />}
    </>
  );
}
