import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { LoadError, Loading } from '../../../components/query-status';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { formatDateTime } from '../../../lib/format';
import { queryKeys } from '../../../lib/query-keys';
import type { EventFrame } from '../../../lib/realtime-events';
import { adminStrings } from '../../../lib/staff-page-strings';
import { useAdminAudit } from '../api/get-admin-audit';
import { AdminPage } from './admin-page';

const adminChange = (f: EventFrame) =>
  f.kind === 'workspace-event' && (f.event.type === 'queue.updated' || f.event.type === 'user.updated' || f.event.type === 'settings.updated');

/** Admins: every change admins made to queues, users and settings, newest first. */
export function AuditPage() {
  const s = adminStrings.audit;
  const audit = useAdminAudit();
  useLiveRefresh(queryKeys.admin.audit(), adminChange);
  return (
    <AdminPage title={s.title} intro={s.intro}>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.length === 0 ? (
        <Typography color="text.secondary">{s.empty}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label={s.table} size="small">
            <TableHead>
              <TableRow>
                <TableCell>{s.when}</TableCell>
                <TableCell>{s.who}</TableCell>
                <TableCell>{s.target}</TableCell>
                <TableCell>{s.what}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {audit.data.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </TableCell>
                  <TableCell>{entry.actor.displayName}</TableCell>
                  <TableCell>
                    {s.targets[entry.target.kind]}
                    {entry.target.kind !== 'settings' && `: ${entry.target.name}`}
                  </TableCell>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 'normal' }}>
                    {entry.summary}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </AdminPage>
  );
}
