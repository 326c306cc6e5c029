import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { NOTE_TEXT_MAX_LENGTH } from '../../../contract/limits';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { noteStrings } from '../../../lib/note-strings';
import { oversightStrings } from '../../../lib/oversight-strings';
import { useTransferTargets } from '../api/get-transfer-targets';
import { useReassignConversation } from '../api/reassign-conversation';
import { useTransferConversation } from '../api/transfer-conversation';

interface Props {
  conversation: Conversation;
  onClose(): void;
  onTransferred(): void;
  /**
   * `transfer`: the holder hands the conversation over. `reassign`: a supervisor or admin moves
   * any open conversation, by the same rules; its current agent is not offered as the target.
   */
  mode?: 'transfer' | 'reassign';
}

/** Hands a conversation to a queue or to a logged-in agent, with a note for the receiver. */
export function TransferDialog({ conversation, onClose, onTransferred, mode = 'transfer' }: Props) {
  const targets = useTransferTargets();
  const transferMutation = useTransferConversation(conversation.id);
  const reassignMutation = useReassignConversation(conversation.id);
  const transfer = mode === 'reassign' ? reassignMutation : transferMutation;
  const agents = targets.data?.agents.filter((a) => mode === 'transfer' || a.id !== conversation.agent?.id) ?? [];
  const [kind, setKind] = useState<'queue' | 'agent'>('queue');
  const [queueId, setQueueId] = useState('');
  const [agentId, setAgentId] = useState('');
  const [note, setNote] = useState('');
  const s = mode === 'reassign' ? { ...strings.transfer, ...oversightStrings.reassign } : strings.transfer;
  const chosen = kind === 'queue' ? queueId : agentId;
  const noteTooLong = note.trim().length > NOTE_TEXT_MAX_LENGTH;

  const submit = () =>
    transfer.mutate(
      { target: kind === 'queue' ? { kind, queueId } : { kind, agentId }, note: note.trim() || undefined },
      { onSuccess: onTransferred },
    );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="transfer-title">
      <DialogTitle id="transfer-title">{s.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{s.intro(conversation.customer.name)}</DialogContentText>
          {targets.isPending ? (
            <CircularProgress size={24} aria-label={strings.common.loading} />
          ) : targets.isError ? (
            <Alert severity="error">{errorMessage(targets.error)}</Alert>
          ) : (
            <>
              <RadioGroup row value={kind} onChange={(e) => setKind(e.target.value as 'queue' | 'agent')} aria-label={s.title}>
                <FormControlLabel value="queue" control={<Radio />} label={s.toQueue} />
                <FormControlLabel value="agent" control={<Radio />} label={s.toAgent} />
              </RadioGroup>
              {kind === 'queue' ? (
                <TextField select label={s.queue} value={queueId} onChange={(e) => setQueueId(e.target.value)}>
                  {targets.data.queues.map((q) => (
                    <MenuItem key={q.id} value={q.id}>
                      {q.name}
                    </MenuItem>
                  ))}
                </TextField>
              ) : agents.length === 0 ? (
                <Alert severity="info">{s.noAgents}</Alert>
              ) : (
                <TextField select label={s.agent} value={agentId} onChange={(e) => setAgentId(e.target.value)}>
                  {agents.map((a) => (
                    <MenuItem key={a.id} value={a.id}>
                      {a.displayName}
                    </MenuItem>
                  ))}
                </TextField>
              )}
            </>
          )}
          <TextField
            label={s.note}
            multiline
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={noteTooLong}
            helperText={noteTooLong ? noteStrings.tooLong(NOTE_TEXT_MAX_LENGTH) : undefined}
          />
          {transfer.isError && <Alert severity="error">{errorMessage(transfer.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{strings.common.cancel}</Button>
        <Button variant="contained" onClick={submit} disabled={!chosen || noteTooLong} loading={transfer.isPending}>
          {s.submit}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
