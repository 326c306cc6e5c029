import { Alert, Box, Button, Chip, FormControlLabel, Paper, Stack, Switch, TableCell, TableRow, Typography } from '@mui/material';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { AdminWrapUpCode } from '../../../contract/wrap-up';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { adminStrings } from '../../../lib/admin-strings';
import { wrapUpStrings } from '../../../lib/wrap-up-strings';
import { useAdminQueues } from '../api/get-admin-queues';
import { adminWrapUpQueryOptions, codeUpdate, useSetWrapUpRequired, useUpdateWrapUpCode } from '../api/wrap-up';
import { AdminPage } from './admin-page';
import { AdminTable } from './admin-table';
import { WrapUpCodeDialog } from './wrap-up-code-dialog';

type DialogState = { kind: 'create' } | { kind: 'edit' | 'retire'; code: AdminWrapUpCode };

/**
 * Admins: the end reasons agents choose from when ending a chat (wrap-up codes), with dialogs to
 * add, edit, retire and put back, and per queue a switch for whether a reason is required.
 */
export function WrapUpPage() {
  const s = wrapUpStrings.admin;
  // The route's loader has filled the cache; the queues only name where codes apply, so they may come later.
  const wrapUp = useSuspenseQuery(adminWrapUpQueryOptions());
  const queues = useAdminQueues();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name;

  return (
    <AdminPage text={s} onAdd={() => setDialog({ kind: 'create' })} notice={notice} onDismissNotice={() => setNotice(null)}>
      <AdminTable
        label={s.table}
        rows={wrapUp.data.codes}
        empty={s.empty}
        head={
          <>
            <TableCell>{s.name}</TableCell>
            <TableCell>{s.queues}</TableCell>
            <TableCell>{s.status}</TableCell>
            <TableCell sx={{ textAlign: 'right' }}>{adminStrings.actions}</TableCell>
          </>
        }
        row={(c) => (
          <TableRow key={c.id} hover sx={c.retired ? { '& > *': { color: 'text.secondary' } } : undefined}>
            <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
              {c.name}
            </TableCell>
            <TableCell>
              {c.allQueues
                ? s.allQueues
                : // Names once the queues have loaded; until then, how many.
                  c.queueIds.map(queueName).filter(Boolean).join(', ') || c.queueIds.length}
            </TableCell>
            <TableCell>
              <Chip size="small" variant="outlined" color={c.retired ? 'default' : 'success'} label={c.retired ? s.retired : s.inUse} />
            </TableCell>
            <TableCell sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              <Button size="small" aria-label={adminStrings.editLabel(c.name)} onClick={() => setDialog({ kind: 'edit', code: c })}>
                {adminStrings.edit}
              </Button>
              <Button
                size="small"
                color={c.retired ? 'primary' : 'error'}
                aria-label={c.retired ? s.restoreLabel(c.name) : s.retireLabel(c.name)}
                onClick={() => setDialog({ kind: 'retire', code: c })}
              >
                {c.retired ? s.restore : s.retire}
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
      <RequiredQueues codes={wrapUp.data.codes} requiredQueueIds={wrapUp.data.requiredQueueIds} onChanged={setNotice} />
      {dialog?.kind === 'create' && <WrapUpCodeDialog onClose={() => setDialog(null)} onSaved={(code) => done(s.created(code.name))} />}
      {dialog?.kind === 'edit' && <WrapUpCodeDialog code={dialog.code} onClose={() => setDialog(null)} onSaved={(code) => done(s.saved(code.name))} />}
      {dialog?.kind === 'retire' && (
        <RetireDialog code={dialog.code} onClose={() => setDialog(null)} onDone={(code) => done(code.retired ? s.retiredNotice(code.name) : s.restoredNotice(code.name))} />
      )}
    </AdminPage>
  );
}

/**
 * Per queue, whether ending a chat there needs a reason: a switch each, saved at once. A queue that
 * needs one but offers none is pointed out: its agents could not end a chat there.
 */
function RequiredQueues({ codes, requiredQueueIds, onChanged }: { codes: AdminWrapUpCode[]; requiredQueueIds: string[]; onChanged(message: string): void }) {
  const s = wrapUpStrings.admin;
  const queues = useAdminQueues();
  const setRequired = useSetWrapUpRequired();
  // The switch being saved and the state asked for: the mutation's own pending state arrives a
  // tick after the click, and a controlled switch would flick back for that tick.
  const [asked, setAsked] = useState<{ queueId: string; required: boolean } | null>(null);
  const headingId = useId();
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {s.required}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {s.requiredIntro}
      </Typography>
      {setRequired.isError && (
        <Alert severity="error" onClose={() => setRequired.reset()} sx={{ mb: 1 }}>
          {errorMessage(setRequired.error)}
        </Alert>
      )}
      {queues.isPending ? (
        <Typography variant="body2" color="text.secondary">
          {strings.common.loading}
        </Typography>
      ) : queues.isError ? (
        <Alert severity="error">{errorMessage(queues.error)}</Alert>
      ) : queues.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {s.noQueues}
        </Typography>
      ) : (
        <Stack>
          {queues.data.map((q) => {
            // The switch moves at once (in the click's own render), and back if the server refuses
            // (the error above says why).
            const saving = asked?.queueId === q.id;
            const offersNone = requiredQueueIds.includes(q.id) && !codes.some((c) => !c.retired && (c.allQueues || c.queueIds.includes(q.id)));
            return (
              <Box key={q.id}>
                <FormControlLabel
                  label={s.requiredLabel(q.name)}
                  control={
                    <Switch
                      checked={saving ? asked.required : requiredQueueIds.includes(q.id)}
                      disabled={saving}
                      onChange={(_, required) => {
                        setAsked({ queueId: q.id, required });
                        setRequired.mutate(
                          { queueId: q.id, required },
                          { onSuccess: () => onChanged(required ? s.requiredOn(q.name) : s.requiredOff(q.name)), onSettled: () => setAsked(null) },
                        );
                      }}
                    />
                  }
                />
                {offersNone && (
                  <Alert severity="warning" sx={{ ml: 6, py: 0 }}>
                    {s.requiredWithoutCodes(q.name)}
                  </Alert>
                )}
              </Box>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

/** Confirms retiring a code (agents can no longer choose it; history keeps it) or putting it back in use. */
function RetireDialog({ code, onClose, onDone }: { code: AdminWrapUpCode; onClose(): void; onDone(code: AdminWrapUpCode): void }) {
  const s = wrapUpStrings.admin;
  const update = useUpdateWrapUpCode();
  const retiring = !code.retired;
  return (
    <ConfirmDialog
      open
      narrow
      destructive={retiring}
      title={retiring ? s.retireTitle(code.name) : s.restoreTitle(code.name)}
      body={retiring ? s.retireBody(code.name) : s.restoreBody(code.name)}
      confirmLabel={retiring ? s.retire : s.restore}
      pending={update.isPending}
      error={update.error}
      onCancel={onClose}
      onConfirm={() => update.mutate({ id: code.id, body: codeUpdate(code, { retired: retiring }) }, { onSuccess: onDone })}
    />
  );
}
