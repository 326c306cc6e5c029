import AttachFileIcon from '@mui/icons-material/AttachFile';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  InputAdornment,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { acceptAttribute } from '../../../contract/attachments';
import {
  CreateCannedResponseRequestSchema,
  UpdateCannedResponseRequestSchema,
  type CannedResponse,
  type CannedScope,
} from '../../../contract/canned-responses';
import { CANNED_SHORTCUT_MAX_LENGTH, CANNED_TEXT_MAX_LENGTH } from '../../../contract/limits';
import { AttachmentTray } from '../../../components/attachment-tray';
import { WarningText } from '../../../components/warning-text';
import { useAttachmentUploads } from '../../../hooks/use-attachment-uploads';
import { errorMessage } from '../../../lib/api-client';
import { cannedStrings } from '../../../lib/canned-strings';
import { strings } from '../../../lib/strings';
import { composerStrings } from '../../../lib/composer-strings';
import { attachmentPolicyQueryOptions, queuesQueryOptions, uploadCannedAttachment, useCreateCanned, useUpdateCanned } from '../api/canned-responses';
import { PLACEHOLDERS, unknownPlaceholders } from '../placeholders';
import { refusalFieldMessages, zodIssueMessages } from '../../../lib/field-issue-strings';

const s = cannedStrings.dialog;
type Field = 'scope' | 'shortcut' | 'text' | 'queueId' | 'attachmentIds';
const FIELDS: readonly Field[] = ['scope', 'shortcut', 'text', 'queueId', 'attachmentIds'];

/** The first message per field, of the contract's check or the server's answer; the rest for the form. */
function splitErrors(issues: [path: string, message: string][]): { fields: Partial<Record<Field, string>>; rest: string[] } {
  const fields: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  for (const [path, message] of issues) {
    const field = path.split('.')[0] as Field;
    if (FIELDS.includes(field)) fields[field] ??= message;
    else rest.push(message);
  }
  return { fields, rest };
}

interface Props {
  /** The response to edit; none creates one. */
  response?: CannedResponse;
  /** Supervisors and admins may create shared responses (and edit them). */
  mayShare: boolean;
  onClose(): void;
  onSaved(response: CannedResponse, created: boolean): void;
}

/**
 * Creates or edits a canned response: who uses it (supervisors and admins choose), its shortcut
 * and text, with the placeholders it may hold (unknown ones are pointed out), and its files,
 * uploaded under the agents' policy as soon as they are chosen.
 */
export function CannedResponseDialog({ response, mayShare, onClose, onSaved }: Props) {
  const titleId = useId();
  const [scope, setScope] = useState<CannedScope>(response?.scope ?? 'personal');
  const [shortcut, setShortcut] = useState(response?.shortcut ?? '');
  const [text, setText] = useState(response?.text ?? '');
  const [queueId, setQueueId] = useState<string>(response?.queue?.id ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const textInput = useRef<HTMLTextAreaElement | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);
  const form = useRef<HTMLFormElement | null>(null);
  const shared = scope === 'shared';
  const queues = useQuery({ ...queuesQueryOptions(), enabled: mayShare });
  const policy = useQuery(attachmentPolicyQueryOptions());
  const uploads = useAttachmentUploads({ policy: policy.data, who: 'agents', upload: uploadCannedAttachment, initial: response?.attachments });
  const create = useCreateCanned();
  const update = useUpdateCanned();
  const unknown = unknownPlaceholders(text);

  const clear = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }));
  const refuse = (issues: [string, string][]) => {
    const { fields, rest } = splitErrors(issues);
    setErrors(fields);
    setFormError(rest[0] ?? null);
    // Keyboard and screen-reader users land on what needs fixing.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const insertPlaceholder = (name: string) => {
    const el = textInput.current;
    const [from, to] = [el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length];
    const written = `{{${name}}}`;
    setText(text.slice(0, from) + written + text.slice(to));
    clear('text');
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(from + written.length, from + written.length);
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (uploads.blocked) return setFormError(composerStrings.waitForUploads);
    const fields = { shortcut, text, queueId: shared && queueId ? queueId : null, attachmentIds: uploads.ready.map((a) => a.id) };
    const checked = response ? UpdateCannedResponseRequestSchema.safeParse(fields) : CreateCannedResponseRequestSchema.safeParse({ scope, ...fields });
    if (!checked.success) return refuse(zodIssueMessages(checked.error));
    const failed = (err: unknown) => {
      const reported = refusalFieldMessages(err);
      if (reported.length > 0) refuse(reported);
      else refuse([['', errorMessage(err)]]);
    };
    const done = (saved: CannedResponse) => onSaved(saved, !response);
    if (response) update.mutate({ id: response.id, body: fields }, { onSuccess: done, onError: failed });
    else create.mutate({ scope, ...fields }, { onSuccess: done, onError: failed });
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <form ref={form} onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{response ? s.editTitle(response.shortcut) : s.createTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            {mayShare && !response && (
              <FormControl>
                <FormLabel id={`${titleId}-scope`}>{s.scope}</FormLabel>
                <RadioGroup row aria-labelledby={`${titleId}-scope`} value={scope} onChange={(e) => setScope(e.target.value as CannedScope)}>
                  <FormControlLabel value="personal" control={<Radio />} label={s.personal} />
                  <FormControlLabel value="shared" control={<Radio />} label={s.shared} />
                </RadioGroup>
              </FormControl>
            )}
            {mayShare && shared && (
              <TextField
                select
                label={s.queue}
                value={queueId}
                onChange={(e) => {
                  setQueueId(e.target.value);
                  clear('queueId');
                }}
                error={!!errors.queueId}
                helperText={errors.queueId}
              >
                <MenuItem value="">{s.everyQueue}</MenuItem>
                {(queues.data ?? []).map((q) => (
                  <MenuItem key={q.id} value={q.id}>
                    {q.name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <TextField
              label={s.shortcut}
              required
              autoFocus
              value={shortcut}
              onChange={(e) => {
                setShortcut(e.target.value);
                clear('shortcut');
              }}
              error={!!errors.shortcut}
              helperText={errors.shortcut ?? s.shortcutHint}
              slotProps={{
                input: { startAdornment: <InputAdornment position="start">/</InputAdornment> },
                htmlInput: { maxLength: CANNED_SHORTCUT_MAX_LENGTH, autoCapitalize: 'none', spellCheck: false },
              }}
            />
            <Box>
              <TextField
                label={s.text}
                required
                multiline
                fullWidth
                minRows={4}
                maxRows={12}
                value={text}
                inputRef={textInput}
                onChange={(e) => {
                  setText(e.target.value);
                  clear('text');
                }}
                error={!!errors.text}
                helperText={
                  errors.text ??
                  (unknown.length > 0 ? (
                    <WarningText>{s.unknown(unknown)}</WarningText>
                  ) : (
                    s.textHint
                  ))
                }
                slotProps={{ htmlInput: { maxLength: CANNED_TEXT_MAX_LENGTH } }}
              />
              <Box role="group" aria-label={s.insertPlaceholder} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
                {PLACEHOLDERS.map((name) => (
                  <Button key={name} size="small" variant="outlined" onClick={() => insertPlaceholder(name)} title={cannedStrings.placeholders[name]} sx={{ textTransform: 'none', fontFamily: 'monospace' }}>
                    {`{{${name}}}`}
                  </Button>
                ))}
              </Box>
            </Box>
            <Box>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="subtitle2" component="h3" sx={{ flex: 1 }}>
                  {s.files}
                </Typography>
                <Button startIcon={<AttachFileIcon />} onClick={() => fileInput.current?.click()}>
                  {s.addFiles}
                </Button>
                <input
                  ref={fileInput}
                  type="file"
                  multiple
                  hidden
                  aria-label={s.addFiles}
                  accept={policy.data ? acceptAttribute(policy.data.allowedTypes) : undefined}
                  onChange={(e) => {
                    uploads.add(Array.from(e.target.files ?? []));
                    e.target.value = '';
                    clear('attachmentIds');
                  }}
                />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {s.filesHint}
              </Typography>
              <Box sx={{ mx: -1.5, '& [role="list"]': { borderTop: 0, bgcolor: 'transparent' } }}>
                <AttachmentTray uploads={uploads} />
              </Box>
              {errors.attachmentIds && <FormHelperText error>{errors.attachmentIds}</FormHelperText>}
            </Box>
            {formError && <Alert severity="error">{formError}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button type="submit" variant="contained" loading={(response ? update : create).isPending}>
            {response ? s.save : s.create}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
