import { Alert, Box, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { Conversation } from '../../../contract/conversations';
import { WRAP_UP_SUMMARY_MAX_LENGTH } from '../../../contract/wrap-up';
import { ApiRequestError, errorMessage } from '../../../lib/api-client';
import { chatPaneStrings } from '../../../lib/chat-pane-strings';
import { wrapUpStrings } from '../../../lib/wrap-up-strings';
import { useEndConversation } from '../api/end-conversation';
import { useWrapUpOptions } from '../api/get-wrap-up-options';

interface Props {
  conversation: Conversation;
  open: boolean;
  onClose(): void;
  onEnded(conversation: Conversation): void;
}

/** The server's refusals that are about the reason: shown on the reason field rather than above the buttons. */
const isReasonRefusal = (err: unknown) => err instanceof ApiRequestError && (err.code === 'wrap_up_required' || err.code === 'wrap_up_code_unavailable');

/**
 * "End this chat?", with the reason (wrap-up code) the conversation's queue offers and a summary
 * for supervisors. Where the queue requires a reason, End without one is refused here, before
 * anything is sent; the server refuses it too (a reason an admin has just retired, say), and its
 * message then shows on the field, with the queue's reasons fetched afresh.
 */
export function EndChatDialog({ conversation, open, onClose, onEnded }: Props) {
  const s = wrapUpStrings.dialog;
  const end = useEndConversation();
  const options = useWrapUpOptions(conversation.queue.id, open);
  const [codeId, setCodeId] = useState('');
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const required = options.data?.required ?? false;
  const codes = options.data?.codes ?? [];
  const refusal = isReasonRefusal(end.error) ? errorMessage(end.error) : null;
  const reasonError = missing ? s.reasonRequired : refusal;

  const close = () => {
    end.reset();
    setMissing(false);
    setCodeId('');
    setSummary('');
    onClose();
  };
  const confirm = () => {
    if (required && !codeId) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    end.mutate(
      { id: conversation.id, wrapUp: { ...(codeId ? { wrapUpCodeId: codeId } : {}), ...(summary.trim() ? { summary: summary.trim() } : {}) } },
      {
        onSuccess: (ended) => {
          setMissing(false);
          onEnded(ended);
        },
        onError: (err) => {
          if (isReasonRefusal(err)) void options.refetch();
        },
      },
    );
  };

  return (
    <ConfirmDialog
      open={open}
      title={chatPaneStrings.endConfirmTitle}
      body={chatPaneStrings.endConfirmBody(conversation.customer.name)}
      confirmLabel={chatPaneStrings.endConfirm}
      pending={end.isPending}
      error={refusal ? null : end.error}
      onCancel={close}
      onConfirm={confirm}
    >
      <Stack spacing={2} sx={{ mt: 2 }}>
        {options.isPending ? (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <CircularProgress size={18} aria-hidden />
            <Typography variant="body2" color="text.secondary">
              {s.loading}
            </Typography>
          </Box>
        ) : options.isError ? (
          <Alert severity="warning">{s.loadFailed(errorMessage(options.error))}</Alert>
        ) : codes.length > 0 ? (
          <TextField
            select
            label={s.reason}
            required={required}
            value={codeId}
            onChange={(e) => {
              setCodeId(e.target.value);
              setMissing(false);
              end.reset();
            }}
            error={Boolean(reasonError)}
            helperText={reasonError ?? ' '}
            inputRef={reasonRef}
            fullWidth
          >
            {!required && (
              <MenuItem value="">
                <em>{s.noReason}</em>
              </MenuItem>
            )}
            {codes.map((c) => (
              <MenuItem key={c.id} value={c.id}>
                {c.name}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          required && <Alert severity="warning">{s.noCodes}</Alert>
        )}
        <TextField
          label={s.summary}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          multiline
          minRows={2}
          maxRows={6}
          fullWidth
          slotProps={{ htmlInput: { maxLength: WRAP_UP_SUMMARY_MAX_LENGTH } }}
          helperText={s.summaryHint}
        />
      </Stack>
    </ConfirmDialog>
  );
}
