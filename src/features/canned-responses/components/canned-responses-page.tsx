import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { User } from '../../../contract/auth';
import type { CannedResponse } from '../../../contract/canned-responses';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { PageColumn, PageHeading } from '../../../components/page-frame';
import { mayManageShared } from '../../../domain/canned-rules';
import { useLayout } from '../../../hooks/use-layout';
import { cannedStrings } from '../../../lib/canned-strings';
import { TABLE_MIN_WIDTH } from '../../../lib/layout';
import { cannedResponsesQueryOptions, useDeleteCanned } from '../api/canned-responses';
import { PLACEHOLDERS } from '../placeholders';
import { searchCanned } from '../search';
import { CannedResponseDialog } from './canned-response-dialog';

const s = cannedStrings;

/**
 * Everyone's canned responses page: their own (to create, change and delete), the shared ones
 * they may use, and (supervisors and admins) the management of the shared ones. Searchable, with
 * how often each was used; other panels' changes show as they happen (realtime.ts refetches).
 */
export function CannedResponsesPage({ user }: { user: User }) {
  const list = useSuspenseQuery(cannedResponsesQueryOptions());
  const manager = mayManageShared(user);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteCanned();
  const shown = query.trim() ? searchCanned(list.data, query) : list.data;
  const mine = shown.filter((r) => r.scope === 'personal');
  const shared = shown.filter((r) => r.scope === 'shared');
  const addButton = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} sx={{ flexShrink: 0, alignSelf: 'flex-start' }}>
      {s.add}
    </Button>
  );
  // A phone has no room beside the title: the button goes under the introduction.
  const phone = useLayout() === 'phone';

  return (
    <PageColumn maxWidth={1100}>
      <PageHeading title={s.title} intro={s.intro} action={phone ? undefined : addButton} />
      {phone && addButton}
      {/* Always in the page, so the announcement is heard when its text changes. */}
      <Box role="status" aria-live="polite">
        {notice && (
          <Alert severity="success" onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
      </Box>
      <TextField type="search" label={s.search} value={query} onChange={(e) => setQuery(e.target.value)} sx={{ maxWidth: 420 }} />
      <ResponsesTable
        title={s.mine}
        rows={mine}
        empty={query.trim() ? s.noMatch(query.trim()) : s.emptyMine}
        mayChange
        onEdit={setEditing}
        onDelete={setDeleting}
      />
      <ResponsesTable
        title={s.shared}
        note={manager ? s.sharedManagerNote : s.sharedNote}
        rows={shared}
        empty={query.trim() ? s.noMatch(query.trim()) : s.emptyShared}
        showQueue
        mayChange={manager}
        onEdit={setEditing}
        onDelete={setDeleting}
      />
      <PlaceholderHelp />
      {editing && (
        <CannedResponseDialog
          response={editing === 'new' ? undefined : editing}
          mayShare={manager}
          onClose={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            setNotice(created ? s.created(saved.shortcut) : s.saved(saved.shortcut));
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? s.deleteTitle(deleting.shortcut) : ''}
        body={s.deleteBody(deleting?.scope === 'shared')}
        confirmLabel={s.deleteConfirm}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setNotice(s.deleted(deleting.shortcut));
              setDeleting(null);
            },
          })
        }
      />
    </PageColumn>
  );
}

interface TableProps {
  title: string;
  note?: string;
  rows: CannedResponse[];
  empty: string;
  /** The "For" column: the queue a shared response is for. */
  showQueue?: boolean;
  mayChange: boolean;
  onEdit(response: CannedResponse): void;
  onDelete(response: CannedResponse): void;
}

/** One section of the page: its heading, and its responses as a table (scrolling sideways on a phone) or why there are none. */
function ResponsesTable({ title, note, rows, empty, showQueue, mayChange, onEdit, onDelete }: TableProps) {
  const headingId = useId();
  const c = s.columns;
  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1}>
      <Typography id={headingId} variant="h6" component="h3">
        {title}
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary">
          {note}
        </Typography>
      )}
      {rows.length === 0 ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        // Focusable: on a narrow screen it scrolls sideways, also for keyboards (it may hold no button).
        <TableContainer component={Paper} variant="outlined" tabIndex={0} aria-labelledby={headingId}>
          <Table aria-labelledby={headingId} size="small" sx={{ minWidth: TABLE_MIN_WIDTH }}>
            <TableHead>
              <TableRow>
                <TableCell>{c.shortcut}</TableCell>
                <TableCell>{c.text}</TableCell>
                {showQueue && <TableCell>{c.for}</TableCell>}
                <TableCell>{c.files}</TableCell>
                <TableCell sx={{ textAlign: 'right' }}>{c.used}</TableCell>
                {mayChange && <TableCell sx={{ textAlign: 'right' }}>{c.actions}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} hover>
                  <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: 'nowrap', fontFamily: 'monospace' }}>
                    /{r.shortcut}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 220 }}>{r.text}</TableCell>
                  {showQueue && <TableCell>{r.queue?.name ?? s.everyone}</TableCell>}
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{r.attachments.map((a) => a.fileName).join(', ')}</TableCell>
                  <TableCell sx={{ textAlign: 'right' }} aria-label={s.usedTimes(r.useCount)}>
                    {r.useCount}
                  </TableCell>
                  {mayChange && (
                    <TableCell sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                      <Button size="small" aria-label={s.editLabel(r.shortcut)} onClick={() => onEdit(r)}>
                        {s.edit}
                      </Button>
                      <Button size="small" color="error" aria-label={s.deleteLabel(r.shortcut)} onClick={() => onDelete(r)}>
                        {s.delete}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}

/** Which placeholders a response may hold, and what each becomes. */
function PlaceholderHelp() {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h6" component="h3">
        {s.placeholdersTitle}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {s.placeholdersIntro}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' }, columnGap: 3, rowGap: 0.5, m: 0 }}>
        {PLACEHOLDERS.map((name) => (
          <Box key={name} sx={{ display: 'contents' }}>
            <Box component="dt" sx={{ fontFamily: 'monospace' }}>{`{{${name}}}`}</Box>
            <Box component="dd" sx={{ m: 0, color: 'text.secondary', mb: { xs: 1, sm: 0 } }}>
              {s.placeholders[name]}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
