import SendIcon from '@mui/icons-material/Send';
import { Box, IconButton, ListItemText, TextField, Tooltip } from '@mui/material';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { MESSAGE_TEXT_MAX_LENGTH } from '../contract/limits';
import { isTouch } from '../lib/layout';
import { phoneStrings } from '../lib/phone-strings';
import { composerStrings } from '../lib/composer-strings';
import type { Attachment } from '../contract/attachments';
import type { AttachmentUploads } from '../hooks/use-attachment-uploads';
import { AttachMenu } from './attach-menu';
import { AttachmentTray } from './attachment-tray';
import { ConfirmDialog } from './confirm-dialog';
import { EmojiPickerButton } from './emoji-picker-button';
import { slashAt, type ComposerInserts } from './composer-inserts';
import { ShortcodeSuggestions, useShortcodeSuggestions } from './shortcode-suggestions';
import { SuggestionMenu, useSuggestionMenu } from './suggestion-menu';
import { WarningText } from './warning-text';

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
  /**
   * The draft as last saved on the server, from this device or another. It replaces the text
   * when the user has changed nothing since the last one, so a reply begun on the phone carries
   * on at the desk; unsaved typing here is never overwritten (it is saved over it instead).
   */
  syncedText?: string;
  /** Ready-made text from elsewhere: `/shortcut` suggestions, a picker, a warning (composer-inserts.ts). */
  inserts?: ComposerInserts;
  /** A shorter limit than the panel's own (a messaging channel's, e.g. SMS). */
  maxLength?: number | null;
  /** A line under the field about what the conversation's channel allows. */
  hint?: string | null;
}

const EMITTED_KEPT = 50;

/** Text entry: Enter sends, Shift+Enter starts a new line; the length limit is shown before the server refuses. */
export function Composer({ onSend, uploads, disabled, disabledReason, initialText = '', onTextChange, syncedText, inserts, maxLength, hint }: Props) {
  const limit = Math.min(MESSAGE_TEXT_MAX_LENGTH, maxLength ?? MESSAGE_TEXT_MAX_LENGTH);
  const [text, setTextState] = useState(initialText);
  // Texts this composer handed out for saving, newest last: the server's answers to them come back
  // as syncedText and must not be taken for another device's (a late one would undo a send).
  const emitted = useRef<string[]>([]);
  const setText = (next: string) => {
    setTextState(next);
    emitted.current = [...emitted.current.slice(-(EMITTED_KEPT - 1)), next];
    onTextChange?.(next);
  };
  const lastSynced = useRef(initialText);
  useEffect(() => {
    if (syncedText === undefined || syncedText === lastSynced.current) return;
    const own = emitted.current.lastIndexOf(syncedText);
    if (own >= 0) emitted.current = emitted.current.slice(own + 1);
    // Another device's draft, and nothing typed here since the last one: take it (not saved again).
    else if (text === lastSynced.current) setTextState(syncedText);
    lastSynced.current = syncedText;
  }, [syncedText, text]);
  const [caret, setCaret] = useState(0);
  const input = useRef<HTMLTextAreaElement | null>(null);
  const trimmed = text.trim();
  const tooLong = trimmed.length > limit;
  const remaining = limit - trimmed.length;
  const attached = uploads?.ready ?? [];
  const uploadsBlock = uploads?.blocked ?? false;
  const canSend = !disabled && (trimmed.length > 0 || attached.length > 0) && !tooLong && !uploadsBlock;
  const shortcodes = useShortcodeSuggestions(text, caret);
  const slash = inserts && !disabled ? slashAt(text, caret) : null;
  const slashItems = slash && inserts ? inserts.suggest(slash.query) : [];
  const slashMenu = useSuggestionMenu(slashItems, slash ? `${slash.from}:${slash.query}` : null);
  const warning = inserts?.warning?.(text) ?? null;

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

  // Refused files are never left out unseen: sending with them asks first (askRefused).
  const [askRefused, setAskRefused] = useState(false);
  const refused = uploads?.refused ?? [];
  const send = () => {
    if (!canSend) return;
    if (refused.length > 0) return setAskRefused(true);
    onSend(trimmed, attached);
    uploads?.clear(attached);
    setText('');
    setCaret(0);
  };
  const sendWithoutRefused = () => {
    setAskRefused(false);
    for (const f of refused) uploads?.remove(f.localId);
    onSend(trimmed, attached);
    uploads?.clear(attached);
    setText('');
    setCaret(0);
  };
  const chooseInsert = (id: string) => slash && inserts && replaceRange(slash.from, caret, inserts.choose(id));
  const onKeyDown = (e: KeyboardEvent) => {
    if (shortcodes.handleKey(e, (s) => replaceRange(s.from, caret, s.native))) return;
    if (slashMenu.handleKey(e, (s) => chooseInsert(s.id))) return;
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
    <ConfirmDialog
      open={askRefused && refused.length > 0}
      title={composerStrings.refusedTitle(refused.length)}
      body={composerStrings.refusedBody(refused.map((f) => f.name))}
      confirmLabel={composerStrings.sendWithoutRefused(refused.length)}
      pending={false}
      error={null}
      onCancel={() => setAskRefused(false)}
      onConfirm={sendWithoutRefused}
    />
    <Box sx={{ position: 'relative', display: 'flex', alignItems: 'flex-end', gap: 1, p: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <ShortcodeSuggestions state={shortcodes} onChoose={(s) => replaceRange(s.from, caret, s.native)} />
      {inserts && (
        <SuggestionMenu
          state={slashMenu}
          label={inserts.label}
          itemKey={(s) => s.id}
          render={(s) => <ListItemText primary={s.label} secondary={s.detail} slotProps={{ secondary: { noWrap: true } }} sx={{ my: 0, minWidth: 0 }} />}
          onChoose={(s) => chooseInsert(s.id)}
        />
      )}
      {uploads && <AttachMenu onFiles={uploads.add} disabled={disabled} />}
      <EmojiPickerButton onPick={insertAtCaret} disabled={disabled} />
      {inserts?.picker?.(insertAtCaret, disabled ?? false)}
      <TextField
        fullWidth
        multiline
        maxRows={8}
        size="small"
        label={composerStrings.label}
        // A phone's keyboard has its own Enter key and little room: the short hint there.
        placeholder={disabled ? disabledReason : isTouch() ? phoneStrings.composerPlaceholder : composerStrings.placeholder}
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
            ? composerStrings.tooLong(limit)
            : uploadsBlock && trimmed
              ? composerStrings.waitForUploads
              : warning
                ? <WarningText>{warning}</WarningText>
                : remaining < 200
                  ? composerStrings.remaining(remaining)
                  : (hint ?? undefined)
        }
      />
      <Tooltip title={composerStrings.send}>
        <span>
          <IconButton color="primary" aria-label={composerStrings.send} onClick={send} disabled={!canSend} sx={{ mb: 0.5 }}>
            <SendIcon />
          </IconButton>
        </span>
      </Tooltip>
    </Box>
    </Box>
  );
}
