import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { TableRegion } from '../../../components/table-region';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { queryKeys } from '../../../lib/query-keys';
import type { EventFrame } from '../../../lib/realtime-events';
import { wrapUpStrings } from '../../../lib/wrap-up-strings';
import { startOfToday, useWrapUpCounts } from '../api/get-wrap-up-counts';
import { DashboardSection } from './dashboard-section';

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
// A chat ending (with its reason, in the same transaction) changes the figures.
const endsAChat = (f: EventFrame) => f.kind === 'event' && f.event.type === 'conversation.ended';

/**
 * Today's chats per queue and end reason (wrap-up code), the most frequent first, live. "Today" is
 * the supervisor's own day; a retired reason keeps its name. Below the queues dashboard, which it
 * does not hold up: it loads on its own.
 */
export function WrapUpCountTable() {
  const s = wrapUpStrings.supervisor;
  const counts = useWrapUpCounts(startOfToday());
  useLiveRefresh(queryKeys.supervision.wrapUp(), endsAChat);

  return (
    <DashboardSection title={s.title} query={counts} isEmpty={(data) => data.length === 0} empty={s.empty}>
      {(data) => (
        <TableRegion label={s.table} sx={{ maxWidth: 640 }}>
          <Table aria-label={s.table} size="small">
            <TableHead>
              <TableRow>
                <TableCell>{s.queue}</TableCell>
                <TableCell>{s.reason}</TableCell>
                <TableCell sx={numberCell}>{s.count}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((c) => (
                <TableRow key={`${c.queue.id}:${c.code.id}`} hover>
                  <TableCell>{c.queue.name}</TableCell>
                  <TableCell component="th" scope="row">
                    {c.code.name}
                    {c.code.retired && (
                      <Typography component="span" variant="body2" color="text.secondary">
                        {` (${s.retired})`}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={numberCell}>{c.count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </DashboardSection>
  );
}
