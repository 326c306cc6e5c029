import { TableCell, TableRow } from '@mui/material';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { formatDateTime } from '../../../lib/format';
import { queryKeys } from '../../../lib/query-keys';
import type { EventFrame } from '../../../lib/realtime-events';
import { adminStrings } from '../../../lib/admin-strings';
import { adminAuditQueryOptions } from '../api/get-admin-audit';
import { AdminPage } from './admin-page';
import { AdminTable } from './admin-table';

const adminChange = (f: EventFrame) =>
  f.kind === 'workspace-event' && (f.event.type === 'queue.updated' || f.event.type === 'user.updated' || f.event.type === 'settings.updated');

/** Admins: every change admins made to queues, users and settings, newest first. */
export function AuditPage() {
  const s = adminStrings.audit;
  // The route's loader has filled the cache; its pending and error components cover the rest.
  const audit = useSuspenseQuery(adminAuditQueryOptions());
  useLiveRefresh(queryKeys.admin.audit(), adminChange);
  return (
    <AdminPage text={s}>
      <AdminTable
        label={s.table}
        rows={audit.data}
        empty={s.empty}
        head={
          <>
            <TableCell>{s.when}</TableCell>
            <TableCell>{s.who}</TableCell>
            <TableCell>{s.target}</TableCell>
            <TableCell>{s.what}</TableCell>
          </>
        }
        row={(entry) => (
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
        )}
      />
    </AdminPage>
  );
}
