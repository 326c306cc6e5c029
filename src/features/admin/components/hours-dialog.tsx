import { Autocomplete, Box, Button, Checkbox, FormControlLabel, FormHelperText, IconButton, Stack, TextField, Typography } from '@mui/material';
import DeleteOutline from '@mui/icons-material/DeleteOutlineOutlined';
import { useMemo, useState, type FormEvent } from 'react';
import { SaveQueueRequestSchema, type AdminQueue } from '../../../contract/admin';
import type { OpeningException, OpeningHours, OpeningInterval } from '../../../contract/opening-hours';
import { errorMessage } from '../../../lib/api-client';
import { adminStrings } from '../../../lib/admin-strings';
import { useUpdateQueue } from '../api/update-queue';
import { hoursStrings as s } from '../hours-strings';
import { AdminFormDialog } from './admin-form-dialog';
import { refusalFieldMessages, zodIssueMessages } from '../../../lib/field-issue-strings';

interface Props {
  queue: AdminQueue;
  onClose(): void;
  onSaved(queue: AdminQueue): void;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = () => {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes('UTC') ? all : ['UTC', ...all];
};
const OFFICE: OpeningInterval = { start: '09:00', end: '17:00' };
const defaultHours = (): OpeningHours => ({ timeZone: browserZone(), weekly: [[OFFICE], [OFFICE], [OFFICE], [OFFICE], [OFFICE], [], []], exceptions: [] });

/** Today's date (YYYY-MM-DD) in a time zone, for a new exception. */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * A queue's opening hours (time zone, weekly intervals, exceptions), leave-a-message and maximum
 * waiting. Saves the whole queue (PUT), its other fields unchanged. Messages are keyed by the
 * body's path (`openingHours.weekly.0.1.end`), from the contract before sending or the server after.
 */
export function HoursDialog({ queue, onClose, onSaved }: Props) {
  const update = useUpdateQueue();
  const [limited, setLimited] = useState(queue.openingHours !== null);
  const [hours, setHours] = useState<OpeningHours>(queue.openingHours ?? defaultHours());
  const [leaveMessage, setLeaveMessage] = useState(queue.leaveMessage);
  const [maxWaiting, setMaxWaiting] = useState(queue.maxWaiting === null ? '' : String(queue.maxWaiting));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const zoneList = useMemo(zones, []);

  const err = (path: string) => ({ error: !!errors[path], helperText: errors[path] });
  const setDay = (day: number, intervals: OpeningInterval[]) => setHours((h) => ({ ...h, weekly: h.weekly.map((d, i) => (i === day ? intervals : d)) }));
  const setException = (n: number, change: Partial<OpeningException>) =>
    setHours((h) => ({ ...h, exceptions: h.exceptions.map((e, i) => (i === n ? { ...e, ...change } : e)) }));

  const show = (entries: [string, string][]) => {
    const next: Record<string, string> = {};
    for (const [path, message] of entries) next[path] ??= message;
    setErrors(next);
    // Messages on a list as a whole (overlapping intervals, a repeated date) have no field of their own.
    const shownPaths = (p: string) => /^openingHours\.(timeZone|weekly\.\d+\.\d+\.(start|end)|exceptions\.\d+\.(date|note|intervals\.\d+\.(start|end)))$/.test(p) || p === 'maxWaiting';
    const unplaced = entries.filter(([p]) => !shownPaths(p)).map(([, m]) => m);
    setFormError(unplaced.length ? unplaced.join(' ') : null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const max = maxWaiting.trim() === '' ? null : Number(maxWaiting);
    if (max !== null && !Number.isInteger(max)) return show([['maxWaiting', s.notWhole]]);
    const parsed = SaveQueueRequestSchema.safeParse({
      name: queue.name,
      address: queue.address,
      routingMode: queue.routingMode,
      agentIds: queue.agentIds,
      openingHours: limited ? hours : null,
      leaveMessage,
      maxWaiting: max,
    });
    if (!parsed.success) return show(zodIssueMessages(parsed.error));
    show([]);
    update.mutate(
      { id: queue.id, body: parsed.data },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const fields = refusalFieldMessages(error);
          if (fields.length) show(fields);
          else setFormError(errorMessage(error));
        },
      },
    );
  };

  return (
    <AdminFormDialog
      title={s.title(queue.name)}
      maxWidth="md"
      formRef={null}
      onSubmit={submit}
      onClose={onClose}
      formError={formError}
      submitLabel={adminStrings.save}
      pending={update.isPending}
    >
      <FormControlLabel control={<Checkbox checked={limited} onChange={(e) => setLimited(e.target.checked)} />} label={s.limitHours} />
      {!limited && <Typography color="text.secondary">{s.alwaysOpen}</Typography>}
      {limited && (
        <>
          <Autocomplete
            options={zoneList}
            value={hours.timeZone}
            disableClearable
            onChange={(_, tz) => setHours((h) => ({ ...h, timeZone: tz }))}
            renderInput={(params) => <TextField {...params} label={s.timeZone} {...err('openingHours.timeZone')} helperText={errors['openingHours.timeZone'] ?? s.timeZoneHint} />}
          />
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
              {s.weekly}
            </Typography>
            <Stack spacing={1.5}>
              {s.days.map((day, d) => (
                <Stack key={day} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
                  <Typography sx={{ width: 110, pt: { sm: 1 }, fontWeight: 600 }}>{day}</Typography>
                  <IntervalList
                    intervals={hours.weekly[d]!}
                    onChange={(intervals) => setDay(d, intervals)}
                    errorAt={(i, end) => err(`openingHours.weekly.${d}.${i}.${end}`)}
                    labels={{ opens: (i) => s.opens(day, i), closes: (i) => s.closes(day, i), remove: (i) => s.removeInterval(day, i), add: s.addInterval(day) }}
                    empty={s.closed}
                  />
                </Stack>
              ))}
            </Stack>
          </Box>
          <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
            <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
              {s.exceptions}
            </Typography>
            <Stack spacing={1.5}>
              {hours.exceptions.length === 0 && <Typography color="text.secondary">{s.noExceptions}</Typography>}
              {hours.exceptions.map((ex, n) => {
                const closed = ex.intervals.length === 0;
                return (
                  <Stack key={n} direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' }, flexWrap: 'wrap' }}>
                    <TextField
                      type="date"
                      label={s.exceptionDate(n)}
                      value={ex.date}
                      onChange={(e) => setException(n, { date: e.target.value })}
                      slotProps={{ inputLabel: { shrink: true } }}
                      {...err(`openingHours.exceptions.${n}.date`)}
                    />
                    <FormControlLabel
                      control={<Checkbox checked={closed} onChange={(e) => setException(n, { intervals: e.target.checked ? [] : [OFFICE] })} />}
                      label={s.exceptionClosed(n)}
                    />
                    {!closed && (
                      // Its times above their Add hours button, beside the date.
                      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                        <IntervalList
                          intervals={ex.intervals}
                          onChange={(intervals) => setException(n, { intervals })}
                          errorAt={(i, end) => err(`openingHours.exceptions.${n}.intervals.${i}.${end}`)}
                          labels={{ opens: (i) => s.exceptionOpens(n, i), closes: (i) => s.exceptionCloses(n, i), remove: (i) => s.exceptionRemoveInterval(n, i), add: s.exceptionAddInterval(n) }}
                        />
                      </Stack>
                    )}
                    <TextField label={s.exceptionNote(n)} value={ex.note} onChange={(e) => setException(n, { note: e.target.value })} {...err(`openingHours.exceptions.${n}.note`)} />
                    <IconButton aria-label={s.removeException(n)} onClick={() => setHours((h) => ({ ...h, exceptions: h.exceptions.filter((_, i) => i !== n) }))}>
                      <DeleteOutline />
                    </IconButton>
                  </Stack>
                );
              })}
              <Box>
                <Button onClick={() => setHours((h) => ({ ...h, exceptions: [...h.exceptions, { date: todayIn(h.timeZone), intervals: [], note: '' }] }))}>{s.addException}</Button>
              </Box>
            </Stack>
          </Box>
        </>
      )}
      <Box>
        <FormControlLabel control={<Checkbox checked={leaveMessage} onChange={(e) => setLeaveMessage(e.target.checked)} />} label={s.leaveMessage} />
        <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{s.leaveMessageHint}</FormHelperText>
      </Box>
      <TextField
        label={s.maxWaiting}
        value={maxWaiting}
        onChange={(e) => setMaxWaiting(e.target.value)}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        error={!!errors.maxWaiting}
        helperText={errors.maxWaiting ?? s.maxWaitingHint}
      />
    </AdminFormDialog>
  );
}

/**
 * A day's opening intervals (a weekday's, or an exception date's), each with its times and a
 * remove button, and a button adding one: the afternoon after a morning, office hours first.
 */
function IntervalList({
  intervals,
  onChange,
  errorAt,
  labels,
  empty,
}: {
  intervals: OpeningInterval[];
  onChange(intervals: OpeningInterval[]): void;
  errorAt(i: number, end: 'start' | 'end'): { error: boolean; helperText: string | undefined };
  labels: { opens(i: number): string; closes(i: number): string; remove(i: number): string; add: string };
  /** Said when there is no interval (a weekday closed all day). */
  empty?: string;
}) {
  const change = (i: number, part: Partial<OpeningInterval>) => onChange(intervals.map((x, j) => (j === i ? { ...x, ...part } : x)));
  return (
    <>
      <Stack spacing={1} sx={{ flex: 1 }}>
        {intervals.length === 0 && empty && <Typography color="text.secondary" sx={{ pt: { sm: 1 } }}>{empty}</Typography>}
        {intervals.map((iv, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TimeField label={labels.opens(i)} value={iv.start} onChange={(v) => change(i, { start: v })} {...errorAt(i, 'start')} />
            <TimeField label={labels.closes(i)} value={iv.end} onChange={(v) => change(i, { end: v })} {...errorAt(i, 'end')} />
            <IconButton aria-label={labels.remove(i)} onClick={() => onChange(intervals.filter((_, j) => j !== i))}>
              <DeleteOutline />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button size="small" aria-label={labels.add} onClick={() => onChange([...intervals, intervals.length ? { start: '13:00', end: '17:00' } : OFFICE])}>
        {s.addHours}
      </Button>
    </>
  );
}

function TimeField({ label, value, onChange, error, helperText }: { label: string; value: string; onChange(v: string): void; error: boolean; helperText?: string }) {
  return (
    <TextField
      type="time"
      label={label}
      value={value === '24:00' ? '23:59' : value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      helperText={helperText}
      size="small"
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { step: 60 } }}
      sx={{ minWidth: 130 }}
    />
  );
}
