import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { TableRegion } from '../../../components/table-region';
import type { RatingFigure } from '../../../contract/customer-chat';
import { useRatingStats } from '../api/get-rating-stats';
import { startOfToday } from '../api/get-wrap-up-counts';
import { DashboardSection } from './dashboard-section';
import { numberFormat } from '../../../lib/intl-format';
import { ratingStrings } from '../rating-strings';

const s = ratingStrings;
const figure = (f: RatingFigure) => (f.average === null ? '—' : s.figure(numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(f.average), f.count));
const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** Survey answers per queue and per agent: average and count, today and over the last 7 days. */
export function RatingTable() {
  const stats = useRatingStats(startOfToday());
  return (
    <DashboardSection title={s.title} query={stats} isEmpty={(data) => data.queues.length === 0} empty={s.empty}>
      {(data) =>
        (['queues', 'agents'] as const).map((kind) => (
          <TableRegion key={kind} label={s[kind]} sx={{ maxWidth: 640, mb: 2 }}>
            <Table aria-label={s[kind]} size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{kind === 'queues' ? s.queue : s.agent}</TableCell>
                  <TableCell sx={numberCell}>{s.today}</TableCell>
                  <TableCell sx={numberCell}>{s.week}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(kind === 'queues'
                  ? data.queues.map((r) => ({ key: r.queue.id, name: r.queue.name, today: r.today, week: r.week }))
                  : data.agents.map((r) => ({ key: r.agent.id, name: r.agent.displayName, today: r.today, week: r.week }))
                ).map((r) => (
                  <TableRow key={r.key} hover>
                    <TableCell component="th" scope="row">
                      {r.name}
                    </TableCell>
                    <TableCell sx={numberCell}>{figure(r.today)}</TableCell>
                    <TableCell sx={numberCell}>{figure(r.week)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableRegion>
        ))
      }
    </DashboardSection>
  );
}
