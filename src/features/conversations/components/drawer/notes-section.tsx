import { Alert, Box, Button, CircularProgress, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { Conversation } from '../../../../contract/conversations';
import { NOTE_TEXT_MAX_LENGTH } from '../../../../contract/limits';
import { LinkedText } from '../../../../components/linked-text';
import { errorMessage } from '../../../../lib/api-client';
import { newClientMessageId } from '../../../../lib/client-id';
import { formatDateTime } from '../../../../lib/format';
import { strings } from '../../../../lib/strings';
import { drawerStrings } from '../../../../lib/staff-page-strings';
import { useCreateNote } from '../../api/create-note';
import { useNotes } from '../../api/get-notes';

export function NotesSection({ conversation }: { conversation: Conversation }) {
  const notes = useNotes(conversation.id);
  const create = useCreateNote(conversation.id);
  const [text, setText] = useState('');
  // One id per note being written: a retry after a failure cannot save it twice.
  const [clientNoteId, setClientNoteId] = useState(newClientMessageId);
  const s = drawerStrings;
  const tooLong = text.trim().length > NOTE_TEXT_MAX_LENGTH;

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || tooLong) return;
    create.mutate(
      { clientNoteId, text: text.trim() },
      {
        onSuccess: () => {
          setText('');
          setClientNoteId(newClientMessageId());
        },
      },
    );
  };

  return (
    <Box>
      <Stack component="form" spacing={1} onSubmit={save} sx={{ mb: 2 }}>
        <TextField
          label={s.newNote}
          multiline
          minRows={2}
          maxRows={8}
          size="small"
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={tooLong}
          helperText={tooLong ? `Notes can be at most ${NOTE_TEXT_MAX_LENGTH} characters.` : s.notesHint}
        />
        {create.isError && <Alert severity="error">{errorMessage(create.error)}</Alert>}
        <Button type="submit" variant="contained" disabled={!text.trim() || tooLong} loading={create.isPending} sx={{ alignSelf: 'flex-end' }}>
          {s.saveNote}
        </Button>
      </Stack>
      {notes.isPending ? (
        <Box sx={{ textAlign: 'center' }}>
          <CircularProgress size={24} aria-label={strings.common.loading} />
        </Box>
      ) : notes.isError ? (
        <Alert severity="error">{errorMessage(notes.error)}</Alert>
      ) : notes.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {s.noNotes}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={s.sections.notes}>
          {notes.data.map((n) => (
            <ListItem key={n.id} divider disableGutters aria-label={`Note by ${n.authorName}`}>
              <ListItemText
                primary={
                  <Box component="span" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    <LinkedText text={n.text} />
                  </Box>
                }
                secondary={`${n.authorName} · ${formatDateTime(n.createdAt)}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
