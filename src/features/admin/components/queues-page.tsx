import { Button, Chip, TableCell, TableRow, Typography } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import type { AdminQueue } from '../../../contract/admin';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { queryKeys } from '../../../lib/query-keys';
import type { EventFrame } from '../../../lib/realtime-events';
import { adminStrings } from '../../../lib/admin-strings';
import { adminQueuesQueryOptions } from '../api/get-admin-queues';
import { useAdminUsers } from '../api/get-admin-users';
import { QueueDialog } from './queue-dialog';
import { AdminPage } from './admin-page';
import { AdminTable } from './admin-table';
import { hoursStrings } from '../hours-strings';
import { promptStrings } from '../prompt-strings';

// Opening hours and limits: their own dialog, loaded when first opened.
const HoursDialog = lazy(() => import('./hours-dialog').then((m) => ({ default: m.HoursDialog })));

// Loaded on first use: most visits to the queues never open it.
const QueuePromptsDialog = lazy(() => import('./queue-prompts-dialog'));

// Another admin's changes to queues or users (names, queues served) show without a reload.
const changesQueuesOrUsers = (f: EventFrame) => f.kind === 'workspace-event' && (f.event.type === 'queue.updated' || f.event.type === 'user.updated');

/** Admins: every queue, with a dialog to create one or change its name, address, routing and agents. */
export function QueuesPage() {
  const s = adminStrings.queues;
  // The route's loader has filled the cache; the users only name the agents, so they may come later.
  const queues = useSuspenseQuery(adminQueuesQueryOptions());
  const users = useAdminUsers();
  const [editing, setEditing] = useState<AdminQueue | 'new' | null>(null);
  const [prompting, setPrompting] = useState<AdminQueue | null>(null);
  const [editingHours, setEditingHours] = useState<AdminQueue | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useLiveRefresh(queryKeys.admin.queues(), changesQueuesOrUsers);
  useLiveRefresh(queryKeys.admin.users(), changesQueuesOrUsers);

  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.displayName;

  return (
    <AdminPage text={s} onAdd={() => setEditing('new')} notice={notice} onDismissNotice={() => setNotice(null)}>
      <AdminTable
        label={s.table}
        rows={queues.data}
        empty={s.empty}
        head={
          <>
            <TableCell>{s.name}</TableCell>
            <TableCell>{s.address}</TableCell>
            <TableCell>{s.routing}</TableCell>
            <TableCell>{s.agentsColumn}</TableCell>
            <TableCell sx={{ textAlign: 'right' }}>{adminStrings.actions}</TableCell>
          </>
        }
        row={(q) => {
          const names = q.agentIds.map(nameOf).filter((n): n is string => !!n);
          return (
            <TableRow key={q.id} hover>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                {q.name}
              </TableCell>
              <TableCell>{q.address}</TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" label={s.routingModes[q.routingMode]} />
              </TableCell>
              <TableCell>
                {q.agentIds.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    {s.noAgents}
                  </Typography>
                ) : (
                  // Names once the users have loaded; until then, how many.
                  (names.length ? names.sort((a, b) => a.localeCompare(b)).join(', ') : q.agentIds.length)
                )}
              </TableCell>
              <TableCell sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <Button size="small" aria-label={adminStrings.editLabel(q.name)} onClick={() => setEditing(q)}>
                  {adminStrings.edit}
                </Button>
                <Button size="small" aria-label={adminStrings.queues.promptsLabel(q.name)} onClick={() => setPrompting(q)}>
                  {adminStrings.queues.promptsButton}
                </Button>
                <Button size="small" aria-label={hoursStrings.buttonLabel(q.name)} onClick={() => setEditingHours(q)}>
                  {hoursStrings.button}
                </Button>
              </TableCell>
            </TableRow>
          );
        }}
      />
      {prompting && (
        <Suspense fallback={null}>
          <QueuePromptsDialog
            queue={prompting}
            onClose={() => setPrompting(null)}
            onSaved={(queue) => {
              setPrompting(null);
              setNotice(promptStrings.saved(queue.name));
            }}
          />
        </Suspense>
      )}
      {editing && (
        <QueueDialog
          queue={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(queue, created) => {
            setEditing(null);
            setNotice(created ? s.created(queue.name) : s.saved(queue.name));
          }}
        />
      )}
      {editingHours && (
        <Suspense fallback={null}>
          <HoursDialog
            queue={editingHours}
            onClose={() => setEditingHours(null)}
            onSaved={(queue) => {
              setEditingHours(null);
              setNotice(hoursStrings.saved(queue.name));
            }}
          />
        </Suspense>
      )}
    </AdminPage>
  );
}
