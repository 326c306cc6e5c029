import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControlLabel,
  Stack,
  Switch,
  TextField,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AdminQueue } from '../../../contract/admin';
import { PROMPT_KINDS, PROMPT_PLACEHOLDERS, PROMPT_TEXT_MAX_LENGTH, type PromptKind, type QueuePrompts } from '../../../contract/prompts';
import { renderPrompt, SAMPLE_PROMPT_VALUES } from '../../../domain/prompt-render';
import { errorMessage } from '../../../lib/http';
import { strings } from '../../../lib/strings';
import { apiFormErrors } from '../form-errors';
import { queuePromptsQueryOptions, useSaveQueuePrompts } from '../api/queue-prompts';
import { promptStrings } from '../prompt-strings';

// This dialog's own words (kept here, so the shared strings stay as they are).
const s = promptStrings;

type Fields = `prompts.${PromptKind}.text`;
const FIELDS = PROMPT_KINDS.map((k) => `prompts.${k}.text` as Fields);

interface Props {
  queue: AdminQueue;
  onClose(): void;
  onSaved(queue: AdminQueue): void;
}

/** Admins: a queue's chat prompts, each with its switch, text, placeholders and a live preview. */
export default function QueuePromptsDialog({ queue, onClose, onSaved }: Props) {
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('sm'));
  const titleId = useId();
  const loaded = useQuery(queuePromptsQueryOptions(queue.id));
  return (
    <Dialog open onClose={onClose} fullWidth fullScreen={narrow} maxWidth="md" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{s.title(queue.name)}</DialogTitle>
      {loaded.data ? (
        <PromptsForm queue={queue} initial={loaded.data} onClose={onClose} onSaved={onSaved} />
      ) : (
        <DialogContent>
          {loaded.error ? (
            <Alert severity="error" action={<Button onClick={() => void loaded.refetch()}>{strings.common.retry}</Button>}>
              {s.loadFailed} {errorMessage(loaded.error)}
            </Alert>
          ) : (
            <Box sx={{ p: 4, textAlign: 'center' }}>
              <CircularProgress aria-label={strings.common.loading} />
            </Box>
          )}
        </DialogContent>
      )}
    </Dialog>
  );
}

function PromptsForm({ queue, initial, onClose, onSaved }: Props & { initial: QueuePrompts }) {
  const [prompts, setPrompts] = useState<QueuePrompts>(initial);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveQueuePrompts(queue.id);
  const change = (kind: PromptKind, patch: Partial<QueuePrompts[PromptKind]>) => {
    setPrompts((p) => ({ ...p, [kind]: { ...p[kind], ...patch } }));
    setErrors((e) => ({ ...e, [`prompts.${kind}.text`]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    save.mutate(prompts, {
      onSuccess: () => onSaved(queue),
      onError: (err) => {
        const { fields, form } = apiFormErrors(err, FIELDS);
        setErrors(fields);
        setFormError(form);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate style={{ display: 'contents' }}>
      <DialogContent dividers>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {s.intro}
        </Typography>
        <Stack spacing={3} divider={<Divider flexItem />}>
          {PROMPT_KINDS.map((kind) => (
            <PromptEditor key={kind} kind={kind} value={prompts[kind]} error={errors[`prompts.${kind}.text`]} onChange={(patch) => change(kind, patch)} />
          ))}
        </Stack>
        {formError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {formError}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{strings.common.cancel}</Button>
        <Button type="submit" variant="contained" loading={save.isPending}>
          {s.save}
        </Button>
      </DialogActions>
    </form>
  );
}

interface EditorProps {
  kind: PromptKind;
  value: QueuePrompts[PromptKind];
  error: string | undefined;
  onChange(patch: Partial<QueuePrompts[PromptKind]>): void;
}

function PromptEditor({ kind, value, error, onChange }: EditorProps) {
  const label = s.labels[kind];
  const input = useRef<HTMLTextAreaElement>(null);
  const previewId = useId();

  // At the cursor (or the end), then the cursor after what was inserted.
  const insert = (placeholder: string) => {
    const token = `{${placeholder}}`;
    const el = input.current;
    const start = el?.selectionStart ?? value.text.length;
    const end = el?.selectionEnd ?? value.text.length;
    onChange({ text: value.text.slice(0, start) + token + value.text.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const preview = renderPrompt(value.text, SAMPLE_PROMPT_VALUES);
  return (
    <Stack spacing={1.5} component="section" aria-label={label}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1 }}>
        <Box>
          <Typography variant="subtitle1" component="h3">
            {label}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {s.when[kind]}
          </Typography>
        </Box>
        <FormControlLabel
          control={<Switch checked={value.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} slotProps={{ input: { 'aria-label': s.on(label) } }} />}
          label={value.enabled ? 'On' : 'Off'}
        />
      </Stack>
      <TextField
        label={s.text(label)}
        value={value.text}
        onChange={(e) => onChange({ text: e.target.value })}
        multiline
        minRows={2}
        fullWidth
        error={!!error}
        helperText={error ?? s.count(value.text.length, PROMPT_TEXT_MAX_LENGTH)}
        inputRef={input}
        slotProps={{ htmlInput: { 'aria-describedby': previewId } }}
      />
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75, alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary">
          {s.placeholders}
        </Typography>
        {PROMPT_PLACEHOLDERS.map((p) => (
          <Chip key={p} size="small" variant="outlined" label={`{${p}}`} aria-label={s.insert(p, label)} onClick={() => insert(p)} />
        ))}
      </Stack>
      <Box id={previewId} role="region" aria-label={promptStrings.previewLabel(label)} sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }}>
        <Typography variant="caption" color="text.secondary" component="p">
          {s.preview}
        </Typography>
        {/* Plain text, as customers get it: never read as markup. */}
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', opacity: value.enabled ? 1 : 0.6 }}>
          {value.enabled ? preview : s.off}
        </Typography>
      </Box>
    </Stack>
  );
}
