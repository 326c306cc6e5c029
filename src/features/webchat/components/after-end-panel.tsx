import { Alert, Box, Button, Rating, Stack, TextField, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { RATING_COMMENT_MAX_LENGTH } from '../../../contract/customer-chat';
import { errorMessage } from '../../../lib/http';
import { strings } from '../../../lib/strings';
import { fetchTranscript, useRateChat, useSurvey } from '../api/chat-end';
import { webchatEndStrings } from '../webchat-end-strings';

/** Saves text as a file through a temporary link: the transcript route needs the customer's token, so a plain link cannot fetch it. */
function saveText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** What an ended chat offers: its transcript, the survey (when the admin switched it on), a new chat. */
export function AfterEndPanel({ token, onNewChat }: { token: string; onNewChat(): void }) {
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const t = await fetchTranscript(token);
      saveText(t.fileName, t.text);
    } catch (err) {
      setDownloadError(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Stack spacing={2} sx={{ p: 2, borderTop: 1, borderColor: 'divider', maxHeight: '60%', overflowY: 'auto' }}>
      <Survey token={token} />
      {downloadError && <Alert severity="error">{downloadError}</Alert>}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', justifyContent: 'center' }}>
        <Button variant="outlined" loading={downloading} onClick={() => void download()}>
          {webchatEndStrings.transcript}
        </Button>
        <Button variant="contained" onClick={onNewChat}>
          {strings.webchat.newChat}
        </Button>
      </Stack>
    </Stack>
  );
}

/** The satisfaction survey: 1–5 as a labelled radio group (MUI Rating) and an optional comment, sent once. */
function Survey({ token }: { token: string }) {
  const s = webchatEndStrings;
  const survey = useSurvey(token, true);
  const rate = useRateChat(token);
  const [value, setValue] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const legendId = useId();
  if (!survey.data?.enabled) return null;
  if (survey.data.answer) {
    return (
      <Alert severity="success" role="status">
        {s.thanks(survey.data.answer.rating)}
      </Alert>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value === null) {
      setMissing(true);
      return;
    }
    rate.mutate({ rating: value, ...(comment.trim() ? { comment } : {}) });
  };
  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby={legendId}>
      <Typography id={legendId} variant="subtitle1" component="h3">
        {s.surveyTitle}
      </Typography>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }}>
        <Box component="legend" sx={{ typography: 'body2', color: 'text.secondary', mb: 0.5 }}>
          {s.ratingLabel}
        </Box>
        <Rating
          name="chat-rating"
          size="large"
          value={value}
          onChange={(_, v) => {
            setValue(v);
            setMissing(false);
          }}
          getLabelText={(v) => `${v} of 5: ${s.ratingNames[v - 1] ?? ''}`}
        />
      </Box>
      {missing && (
        <Typography color="error" variant="body2" role="alert">
          {s.chooseRating}
        </Typography>
      )}
      <TextField
        label={s.comment}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        size="small"
        sx={{ mt: 1 }}
        slotProps={{ htmlInput: { maxLength: RATING_COMMENT_MAX_LENGTH } }}
      />
      {rate.isError && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {errorMessage(rate.error)}
        </Alert>
      )}
      <Button type="submit" variant="contained" sx={{ mt: 1 }} loading={rate.isPending}>
        {s.send}
      </Button>
    </Box>
  );
}
