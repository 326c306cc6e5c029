import StickyNote2Icon from '@mui/icons-material/StickyNote2Outlined';
import { Box, Stack, Typography } from '@mui/material';
import type { Note } from '../contract/notes';
import { formatStamp } from '../lib/format';
import { noteStrings } from '../lib/note-strings';
import { NoteText } from './note-text';

/**
 * An internal note in the agent's thread: full width and amber, unlike either side's bubbles, so
 * nobody takes it for something the customer saw. Its role and name say so to screen readers.
 */
export function NoteRow({ note }: { note: Note }) {
  const time = formatStamp(note.createdAt);
  return (
    <Box sx={{ px: 2, py: 0.75 }}>
      <Box
        role="note"
        aria-label={noteStrings.rowLabel(note.authorName, time)}
        sx={{ bgcolor: 'note.bg', border: 1, borderColor: 'note.border', borderLeft: 4, borderLeftColor: 'note.accent', borderRadius: 1.5, px: 1.5, py: 1, color: 'note.text' }}
      >
        <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', mb: 0.5 }}>
          <StickyNote2Icon sx={{ fontSize: 16, color: 'note.icon' }} aria-hidden />
          <Typography variant="caption" sx={{ fontWeight: 700, color: 'note.label', textTransform: 'uppercase', letterSpacing: 0.4 }}>
            {noteStrings.label}
          </Typography>
          <Typography variant="caption" sx={{ color: 'note.label' }}>
            · {note.authorName} · {time} · {noteStrings.hidden}
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <NoteText text={note.text} mentions={note.mentions} />
        </Typography>
      </Box>
    </Box>
  );
}
