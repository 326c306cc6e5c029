import { Alert, Box, CircularProgress, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useId } from 'react';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { errorMessage } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { EventFrame } from '../../../lib/realtime-events';
import { strings } from '../../../lib/strings';
import { wrapUpStrings } from '../../../lib/wrap-up-strings';
import { startOfToday, useWrapUpCounts } from '../api/get-wrap-up-counts';

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
  const headingId = useId();

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {s.title}
      </Typography>
      {counts.isPending ? (
        <CircularProgress size={24} aria-label={strings.common.loading} />
      ) : counts.isError ? (
        <Alert severity="error">{errorMessage(counts.error)}</Alert>
      ) : counts.data.length === 0 ? (
        <Typography color="text.secondary">{s.empty}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined" sx={{ maxWidth: 640 }}>
          <Table aria-label={s.table} size="small">
            <TableHead>
              <TableRow>
                <TableCell>{s.queue}</TableCell>
                <TableCell>{s.reason}</TableCell>
                <TableCell sx={numberCell}>{s.count}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {counts.data.map((c) => (
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
        </TableContainer>
      )}
    </Box>
  );
}
