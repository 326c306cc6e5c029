import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { Link } from '@tanstack/react-router';
import { useId, useState, type KeyboardEvent } from 'react';
import type { CannedResponse } from '../../../contract/canned-responses';
import { errorMessage } from '../../../lib/api-client';
import { cannedStrings } from '../../../lib/canned-strings';
import { strings } from '../../../lib/strings';
import { preview, searchCanned } from '../search';

const s = cannedStrings.composer;

interface Props {
  responses: CannedResponse[];
  loading: boolean;
  error: unknown;
  onRetry(): void;
  onClose(): void;
  onChoose(id: string): void;
}

/**
 * The composer's picker: a search field over the responses this chat may use. Typing filters, the
 * down arrow moves into the list, Enter in the field takes the first match.
 */
export default function CannedPickerDialog({ responses, loading, error, onRetry, onClose, onChoose }: Props) {
  const titleId = useId();
  const [query, setQuery] = useState('');
  const found = searchCanned(responses, query);
  const listId = useId();

  const onSearchKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && found[0]) {
      e.preventDefault();
      onChoose(found[0].id);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      document.getElementById(listId)?.querySelector<HTMLElement>('[role="button"], button')?.focus();
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{s.pickerTitle}</DialogTitle>
      <DialogContent dividers sx={{ pt: 1 }}>
        <TextField
          autoFocus
          fullWidth
          size="small"
          type="search"
          label={s.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          sx={{ mt: 1, mb: 1 }}
        />
        {loading ? (
          <Box sx={{ display: 'grid', placeItems: 'center', py: 3 }}>
            <CircularProgress size={24} aria-label={strings.common.loading} />
          </Box>
        ) : error ? (
          <Alert severity="error" action={<Button onClick={onRetry}>{strings.common.retry}</Button>}>
            {s.loadFailed} {errorMessage(error)}
          </Alert>
        ) : found.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 2 }}>
            {responses.length === 0 ? s.none : s.noneMatch(query)}
          </Typography>
        ) : (
          <List id={listId} dense aria-label={s.picker} onKeyDown={(e) => arrowsBetweenItems(e)}>
            {found.map((r) => (
              <ListItemButton key={r.id} onClick={() => onChoose(r.id)} sx={{ alignItems: 'flex-start', borderRadius: 1 }}>
                <ListItemText
                  primary={
                    <>
                      <Box component="span" sx={{ fontWeight: 600 }}>
                        /{r.shortcut}
                      </Box>
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                        {[r.scope === 'shared' ? s.sharedTag : s.mine, r.queue?.name, r.attachments.length > 0 ? s.files(r.attachments.length) : null].filter(Boolean).join(' · ')}
                      </Typography>
                    </>
                  }
                  secondary={preview(r.text, 160)}
                  sx={{ my: 0.25, minWidth: 0, '& .MuiListItemText-secondary': { overflowWrap: 'anywhere' } }}
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'space-between' }}>
        <Button component={Link} to="/canned-responses" onClick={onClose}>
          {s.manage}
        </Button>
        <Button onClick={onClose}>{strings.common.cancel}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Up and down move between the list's buttons. */
function arrowsBetweenItems(e: KeyboardEvent<HTMLElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="button"], button')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index < 0) return;
  e.preventDefault();
  items[Math.min(Math.max(index + (e.key === 'ArrowDown' ? 1 : -1), 0), items.length - 1)]?.focus();
}
