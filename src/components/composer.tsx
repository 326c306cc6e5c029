import SendIcon from '@mui/icons-material/Send';
import { Box, IconButton, TextField, Tooltip } from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { MESSAGE_TEXT_MAX_LENGTH } from '../contract/limits';
import { strings } from '../lib/strings';

interface Props {
  onSend(text: string): void;
  disabled?: boolean;
  /** Shown instead of the placeholder while disabled. */
  disabledReason?: string;
}

/** Text entry: Enter sends, Shift+Enter starts a new line; the length limit is shown before the server refuses. */
export function Composer({ onSend, disabled, disabledReason }: Props) {
  const [text, setText] = useState('');
  const trimmed = text.trim();
  const tooLong = trimmed.length > MESSAGE_TEXT_MAX_LENGTH;
  const remaining = MESSAGE_TEXT_MAX_LENGTH - trimmed.length;
  const canSend = !disabled && trimmed.length > 0 && !tooLong;

  const send = () => {
    if (!canSend) return;
    onSend(trimmed);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-end', gap: 1, p: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <TextField
        fullWidth
        multiline
        maxRows={8}
        size="small"
        label={strings.composer.label}
        placeholder={disabled ? disabledReason : strings.composer.placeholder}
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        error={tooLong}
        helperText={tooLong ? strings.composer.tooLong(MESSAGE_TEXT_MAX_LENGTH) : remaining < 200 ? strings.composer.remaining(remaining) : undefined}
      />
      <Tooltip title={strings.composer.send}>
        <span>
          <IconButton color="primary" aria-label={strings.composer.send} onClick={send} disabled={!canSend} sx={{ mb: 0.5 }}>
            <SendIcon />
          </IconButton>
        </span>
      </Tooltip>
    </Box>
  );
}
