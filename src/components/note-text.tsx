import { Box } from '@mui/material';
import type { PersonRef } from '../contract/conversations';
import { LinkedText } from './linked-text';

/** The text split around each "@Name" of someone the note mentions (longest names first, so "@Ann Lee" wins over "@Ann"). */
export function splitMentions(text: string, mentions: readonly PersonRef[]): { text: string; mention?: PersonRef }[] {
  const named = [...mentions].sort((a, b) => b.displayName.length - a.displayName.length);
  const parts: { text: string; mention?: PersonRef }[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const m = text[i] === '@' ? named.find((p) => text.startsWith(p.displayName, i + 1)) : undefined;
    if (!m) {
      plain += text[i++];
      continue;
    }
    if (plain) parts.push({ text: plain });
    plain = '';
    parts.push({ text: `@${m.displayName}`, mention: m });
    i += m.displayName.length + 1;
  }
  if (plain) parts.push({ text: plain });
  return parts;
}

/** A note's text with its @mentions highlighted; the rest keeps its links (LinkedText). */
export function NoteText({ text, mentions }: { text: string; mentions: readonly PersonRef[] }) {
  return splitMentions(text, mentions).map((part, i) =>
    part.mention ? (
      <Box key={i} component="strong" data-mention={part.mention.id} sx={{ color: 'inherit', textDecoration: 'underline', bgcolor: 'rgba(25, 118, 210, 0.16)', borderRadius: 0.5, px: 0.25 }}>
        {part.text}
      </Box>
    ) : (
      <LinkedText key={i} text={part.text} />
    ),
  );
}
