import { Alert, Box, Button, CircularProgress, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import type { Conversation, PersonRef } from '../../../../contract/conversations';
import { NOTE_TEXT_MAX_LENGTH } from '../../../../contract/limits';
import type { MentionCandidate } from '../../../../contract/notes';
import { NoteText } from '../../../../components/note-text';
import { SuggestionMenu, useSuggestionMenu } from '../../../../components/suggestion-menu';
import { errorMessage } from '../../../../lib/api-client';
import { newClientMessageId } from '../../../../lib/client-id';
import { formatDateTime } from '../../../../lib/format';
import { strings } from '../../../../lib/strings';
import { drawerContentStrings } from '../../../../lib/drawer-strings';
import { drawerStrings, staffFrameStrings } from '../../../../lib/staff-page-strings';
import { useCreateNote } from '../../api/create-note';
import { useMentionCandidates } from '../../api/get-mention-candidates';
import { useNotes } from '../../api/get-notes';
import { insertMention, matchCandidates, mentionAt, mentionedIn } from '../../mention-input';
import { noteStrings } from '../../../../lib/note-strings';

export function NotesSection({ conversation }: { conversation: Conversation }) {
  const notes = useNotes(conversation.id);
  const create = useCreateNote(conversation.id);
  const [text, setText] = useState('');
  // One id per note being written: a retry after a failure cannot save it twice.
  const [clientNoteId, setClientNoteId] = useState(newClientMessageId);
  const s = drawerContentStrings;
  const tooLong = text.trim().length > NOTE_TEXT_MAX_LENGTH;

  // @mentions: the "@name" before the caret opens the colleagues' list; chosen ones are kept by id.
  const field = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [chosen, setChosen] = useState<PersonRef[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const target = mentionAt(text, caret);
  const [asked, setAsked] = useState(false);
  if (target && !asked) setAsked(true);
  const candidates = useMentionCandidates(conversation.id, asked);
  const menu = useSuggestionMenu(target ? matchCandidates(candidates.data ?? [], target.query) : [], target ? `${target.from}` : null);
  const choose = (c: MentionCandidate) => {
    if (!target) return;
    // Offered, so nobody wonders where they went; refused here before the server would.
    if (!c.mayView) return setRefusal(noteStrings.cannotMention(c.displayName));
    setRefusal(null);
    const next = insertMention(text, target, caret, c);
    setText(next.text);
    setCaret(next.caret);
    setChosen((list) => (list.some((p) => p.id === c.id) ? list : [...list, { id: c.id, displayName: c.displayName }]));
    requestAnimationFrame(() => field.current?.setSelectionRange(next.caret, next.caret));
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || tooLong) return;
    const mentionedUserIds = mentionedIn(text, chosen).map((p) => p.id);
    create.mutate(
      { clientNoteId, text: text.trim(), mentionedUserIds },
      {
        onSuccess: () => {
          setText('');
          setChosen([]);
          setRefusal(null);
          setClientNoteId(newClientMessageId());
          // The Save button was busy (and so not focusable) while saving: the keyboard stays in the note field for the next one.
          field.current?.focus();
        },
      },
    );
  };

  return (
    <Box>
      <Stack component="form" spacing={1} onSubmit={save} sx={{ mb: 2 }}>
        <Box sx={{ position: 'relative' }}>
          <TextField
            label={s.newNote}
            multiline
            minRows={2}
            maxRows={8}
            size="small"
            fullWidth
            value={text}
            inputRef={field}
            onChange={(e) => {
              setText(e.target.value);
              setCaret(e.target.selectionStart ?? e.target.value.length);
            }}
            onSelect={(e) => setCaret((e.target as HTMLTextAreaElement).selectionStart ?? 0)}
            onKeyDown={(e) => menu.handleKey(e, choose)}
            error={tooLong}
            helperText={tooLong ? noteStrings.tooLong(NOTE_TEXT_MAX_LENGTH) : `${s.notesHint} ${noteStrings.mentionHint}`}
          />
          <SuggestionMenu
            state={menu}
            label={noteStrings.mentionSuggestions}
            placement="below"
            itemKey={(c) => c.id}
            onChoose={choose}
            render={(c) => (
              <ListItemText
                primary={c.displayName}
                secondary={c.mayView ? staffFrameStrings.roles[c.role] : noteStrings.cannotSee}
                sx={{ my: 0, opacity: c.mayView ? 1 : 0.6 }}
              />
            )}
          />
        </Box>
        {refusal && (
          <Alert severity="warning" onClose={() => setRefusal(null)}>
            {refusal}
          </Alert>
        )}
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
        <List dense disablePadding aria-label={drawerStrings.sections.notes}>
          {notes.data.map((n) => (
            <ListItem key={n.id} divider disableGutters aria-label={noteStrings.by(n.authorName)}>
              <ListItemText
                primary={
                  <Box component="span" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    <NoteText text={n.text} mentions={n.mentions} />
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
