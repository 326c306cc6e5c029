import SendIcon from '@mui/icons-material/Send';
import { Box, IconButton, TextField, Tooltip } from '@mui/material';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { MESSAGE_TEXT_MAX_LENGTH } from '../contract/limits';
import { strings } from '../lib/strings';
import type { Attachment } from '../contract/attachments';
import type { AttachmentUploads } from '../hooks/use-attachment-uploads';
import { AttachMenu } from './attach-menu';
import { AttachmentTray } from './attachment-tray';
import { EmojiPickerButton } from './emoji-picker-button';
import { ShortcodeSuggestions, useShortcodeSuggestions } from './shortcode-suggestions';

interface Props {
  onSend(text: string, attachments: Attachment[]): void;
  /** Files attached to the next message; without it the composer sends text only. */
  uploads?: AttachmentUploads;
  disabled?: boolean;
  /** Shown instead of the placeholder while disabled. */
  disabledReason?: string;
  /** Text to start with, e.g. a draft saved on the server. */
  initialText?: string;
  /** Every change of the text, for saving it as a draft. */
  onTextChange?: (text: string) => void;
}

/** Text entry: Enter sends, Shift+Enter starts a new line; the length limit is shown before the server refuses. */
export function Composer({ onSend, uploads, disabled, disabledReason, initialText = '', onTextChange }: Props) {
  const [text, setTextState] = useState(initialText);
  const setText = (next: string) => {
    setTextState(next);
    onTextChange?.(next);
  };
  const [caret, setCaret] = useState(0);
  const input = useRef<HTMLTextAreaElement | null>(null);
  const trimmed = text.trim();
  const tooLong = trimmed.length > MESSAGE_TEXT_MAX_LENGTH;
  const remaining = MESSAGE_TEXT_MAX_LENGTH - trimmed.length;
  const attached = uploads?.ready ?? [];
  const uploadsBlock = uploads?.blocked ?? false;
  const canSend = !disabled && (trimmed.length > 0 || attached.length > 0) && !tooLong && !uploadsBlock;
  const shortcodes = useShortcodeSuggestions(text, caret);

  /** Replaces text[from, to) with `insert` and puts the caret after it. */
  const replaceRange = (from: number, to: number, insert: string) => {
    const next = text.slice(0, from) + insert + text.slice(to);
    setText(next);
    const position = from + insert.length;
    setCaret(position);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(position, position);
    });
  };
  const insertAtCaret = (insert: string) => {
    const el = input.current;
    replaceRange(el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, insert);
  };

  const send = () => {
    if (!canSend) return;
    onSend(trimmed, attached);
    uploads?.clear();
    setText('');
    setCaret(0);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (shortcodes.handleKey(e, (s) => replaceRange(s.from, caret, s.native))) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    const files = Array.from(e.clipboardData.files);
    if (!uploads || files.length === 0) return;
    // Pasted images become attachments; pasted text still lands in the field as usual.
    if (!e.clipboardData.getData('text/plain')) e.preventDefault();
    uploads.add(files);
  };

  return (
    <Box onPaste={onPaste}>
    {uploads && <AttachmentTray uploads={uploads} />}
    <Box sx={{ position: 'relative', display: 'flex', alignItems: 'flex-end', gap: 1, p: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <ShortcodeSuggestions state={shortcodes} onChoose={(s) => replaceRange(s.from, caret, s.native)} />
      {uploads && <AttachMenu onFiles={uploads.add} disabled={disabled} />}
      <EmojiPickerButton onPick={insertAtCaret} disabled={disabled} />
      <TextField
        fullWidth
        multiline
        maxRows={8}
        size="small"
        label={strings.composer.label}
        placeholder={disabled ? disabledReason : strings.composer.placeholder}
        value={text}
        disabled={disabled}
        inputRef={input}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
        }}
        onSelect={(e) => setCaret((e.target as HTMLTextAreaElement).selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        error={tooLong}
        helperText={
          tooLong
            ? strings.composer.tooLong(MESSAGE_TEXT_MAX_LENGTH)
            : uploadsBlock && trimmed
              ? strings.composer.waitForUploads
              : remaining < 200
                ? strings.composer.remaining(remaining)
                : undefined
        }
      />
      <Tooltip title={strings.composer.send}>
        <span>
          <IconButton color="primary" aria-label={strings.composer.send} onClick={send} disabled={!canSend} sx={{ mb: 0.5 }}>
            <SendIcon />
          </IconButton>
        </span>
      </Tooltip>
    </Box>
    </Box>
  );
}
