import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { SectionCard } from '../../../components/section-card';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { strings } from '../../../lib/strings';
import { identityStrings } from '../../../lib/identity-strings';
import { useGenerateWebchatSecret, useRevealWebchatSecret, useWebchatIdentity } from '../api/webchat-identity';

/**
 * The secret embedding sites sign their customers' ids with. It is shown only in answer to the
 * admin's own click (generate, or reveal — both audited on the server) and kept in this
 * component's state alone.
 */
export function WebchatIdentitySection() {
  const s = identityStrings;
  const rotateTitleId = useId();
  const identity = useWebchatIdentity();
  const generate = useGenerateWebchatSecret();
  const reveal = useRevealWebchatSecret();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const configured = identity.data?.configured ?? false;

  const runGenerate = () =>
    generate.mutate(undefined, {
      onSuccess: (r) => {
        setConfirming(false);
        setCopied(false);
        setSecret(r.secret);
      },
    });
  const copy = () => {
    if (!secret) return;
    void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
  };
  const failure = generate.error ?? reveal.error ?? identity.error;

  return (
    <SectionCard title={s.title} hint={s.intro}>
      {identity.data && (
        <Typography variant="body2" sx={{ mb: 2 }}>
          {identity.data.configured && identity.data.generatedAt
            ? s.configured(identity.data.generatedBy?.displayName ?? '—', formatDateTime(identity.data.generatedAt))
            : s.notConfigured}
        </Typography>
      )}
      {failure && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errorMessage(failure)}
        </Alert>
      )}
      {secret && (
        <Box sx={{ mb: 2 }}>
          <TextField
            label={s.secretLabel}
            value={secret}
            fullWidth
            size="small"
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
            helperText={s.secretShownOnce}
          />
        </Box>
      )}
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {configured ? (
          <Button variant="outlined" onClick={() => setConfirming(true)}>
            {s.rotate}
          </Button>
        ) : (
          <Button variant="contained" onClick={runGenerate} loading={generate.isPending} disabled={identity.isPending}>
            {s.generate}
          </Button>
        )}
        {configured &&
          (secret ? (
            <Button onClick={() => setSecret(null)}>{s.hide}</Button>
          ) : (
            <Button onClick={() => reveal.mutate(undefined, { onSuccess: (r) => setSecret(r.secret) })} loading={reveal.isPending}>
              {s.reveal}
            </Button>
          ))}
        {secret && <Button onClick={copy}>{copied ? s.copied : s.copy}</Button>}
      </Stack>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby={rotateTitleId}>
        <DialogTitle id={rotateTitleId}>{s.rotateConfirmTitle}</DialogTitle>
        <DialogContent>
          <DialogContentText>{s.rotateConfirmBody}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>
            {strings.common.cancel}
          </Button>
          <Button color="warning" variant="contained" onClick={runGenerate} loading={generate.isPending}>
            {s.rotate}
          </Button>
        </DialogActions>
      </Dialog>
    </SectionCard>
  );
}
