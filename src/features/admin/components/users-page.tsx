import { Box, Button, Chip, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { AdminUser } from '../../../contract/admin';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { queryKeys } from '../../../lib/query-keys';
import type { EventFrame } from '../../../lib/realtime-events';
import { adminStrings } from '../../../lib/admin-strings';
import { supervisorStrings } from '../../../lib/supervisor-strings';
import { useAdminQueues } from '../api/get-admin-queues';
import { adminUsersQueryOptions } from '../api/get-admin-users';
import { AdminPage } from './admin-page';
import { AdminTable } from './admin-table';
import { ResetPasswordDialog } from './reset-password-dialog';
import { ToggleUserDialog } from './toggle-user-dialog';
import { UserDialog } from './user-dialog';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'toggle'; user: AdminUser };

const changesUsers = (f: EventFrame) =>
  f.kind === 'workspace-event' && (f.event.type === 'user.updated' || f.event.type === 'queue.updated' || f.event.type === 'presence.changed');

/** Admins: every user, with dialogs to create, edit, reset a password, and disable or enable. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const s = adminStrings.users;
  // The route's loader has filled the cache; the queues only name what agents serve, so they may come later.
  const users = useSuspenseQuery(adminUsersQueryOptions());
  const queues = useAdminQueues();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useLiveRefresh(queryKeys.admin.users(), changesUsers);
  useLiveRefresh(queryKeys.admin.queues(), changesUsers);

  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name;
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <AdminPage text={s} onAdd={() => setDialog({ kind: 'create' })} notice={notice} onDismissNotice={() => setNotice(null)}>
      <AdminTable
        label={s.table}
        rows={users.data}
        empty={s.empty}
        head={
          <>
            <TableCell>{s.name}</TableCell>
            <TableCell>{s.role}</TableCell>
            <TableCell>{s.queues}</TableCell>
            <TableCell sx={{ textAlign: 'right' }}>{s.capacity}</TableCell>
            <TableCell>{s.status}</TableCell>
            <TableCell sx={{ textAlign: 'right' }}>{adminStrings.actions}</TableCell>
          </>
        }
        row={(u) => {
          const isMe = u.id === currentUserId;
          const served = u.queueIds.map(queueName).filter((n): n is string => !!n);
          return (
            <TableRow key={u.id} hover sx={u.disabled ? { '& > *': { color: 'text.secondary' } } : undefined}>
              <TableCell component="th" scope="row">
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {u.displayName}
                  </Typography>
                  {isMe && <Chip size="small" label={s.you} />}
                </Stack>
                <Typography variant="caption" color="text.secondary">
                  {u.username}
                </Typography>
              </TableCell>
              <TableCell>{s.roles[u.role]}</TableCell>
              <TableCell>{u.role !== 'agent' ? '—' : served.length ? served.join(', ') : supervisorStrings.noQueuesServed}</TableCell>
              <TableCell sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{u.role === 'agent' ? u.capacity : '—'}</TableCell>
              <TableCell>
                {u.disabled ? (
                  <Chip size="small" color="error" variant="outlined" label={s.disabled} />
                ) : (
                  <Chip size="small" color="success" variant="outlined" label={s.active} />
                )}
              </TableCell>
              <TableCell sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                <Button size="small" aria-label={adminStrings.editLabel(u.displayName)} onClick={() => setDialog({ kind: 'edit', user: u })}>
                  {adminStrings.edit}
                </Button>
                <Button size="small" aria-label={s.resetPasswordLabel(u.displayName)} onClick={() => setDialog({ kind: 'password', user: u })}>
                  {s.resetPassword}
                </Button>
                {/* Admins cannot lock themselves out; the gap keeps the other rows' buttons in line. */}
                {isMe ? (
                  <Box component="span" sx={{ display: 'inline-block', width: 72, ml: 1 }} />
                ) : (
                  <Button
                    size="small"
                    color={u.disabled ? 'primary' : 'error'}
                    aria-label={u.disabled ? s.enableLabel(u.displayName) : s.disableLabel(u.displayName)}
                    onClick={() => setDialog({ kind: 'toggle', user: u })}
                    sx={{ minWidth: 72 }}
                  >
                    {u.disabled ? s.enable : s.disable}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        }}
      />
      {dialog?.kind === 'create' && (
        <UserDialog currentUserId={currentUserId} onClose={() => setDialog(null)} onSaved={(user) => done(s.created(user.displayName))} />
      )}
      {dialog?.kind === 'edit' && (
        <UserDialog
          user={dialog.user}
          currentUserId={currentUserId}
          onClose={() => setDialog(null)}
          onSaved={(user) => done(s.saved(user.displayName))}
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} onDone={() => done(s.passwordReset(dialog.user.displayName))} />
      )}
      {dialog?.kind === 'toggle' && (
        <ToggleUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={(user) => done(user.disabled ? s.disabledNotice(user.displayName) : s.enabledNotice(user.displayName))}
        />
      )}
    </AdminPage>
  );
}
