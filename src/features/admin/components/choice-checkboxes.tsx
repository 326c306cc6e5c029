import { Alert, Checkbox, CircularProgress, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Typography } from '@mui/material';
import { adminStrings } from '../../../lib/admin-strings';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { useAdminQueues } from '../api/get-admin-queues';

interface Props {
  legend: string;
  /** What the options are loaded by; its pending and error states stand in for them. */
  source: { isPending: boolean; isError: boolean; error: unknown };
  options: { id: string; label: string }[];
  chosen: string[];
  onChange(chosen: string[]): void;
  /** Said when there is nothing to choose. */
  none: string;
  error?: string;
  /** Said under the choices while nothing is wrong with them. */
  hint?: string;
  /** Side by side (a few short names) rather than a scrolling column. */
  row?: boolean;
}

/** A choice of any number of loaded things (a queue's agents, an agent's queues) as checkboxes. */
export function ChoiceCheckboxes({ legend, source, options, chosen, onChange, none, error, hint, row = false }: Props) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <FormControl component="fieldset" error={!!error}>
      <FormLabel component="legend">{legend}</FormLabel>
      {source.isPending ? (
        <CircularProgress size={24} aria-label={strings.common.loading} sx={{ mt: 1 }} />
      ) : source.isError ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {errorMessage(source.error)}
        </Alert>
      ) : options.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {none}
        </Typography>
      ) : (
        <FormGroup row={row} sx={row ? undefined : { maxHeight: 240, overflowY: 'auto', flexWrap: 'nowrap' }}>
          {options.map((o) => (
            <FormControlLabel
              key={o.id}
              control={<Checkbox checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />}
              label={o.label}
            />
          ))}
        </FormGroup>
      )}
      {(error ?? hint) && <FormHelperText>{error ?? hint}</FormHelperText>}
    </FormControl>
  );
}

type QueueProps = Pick<Props, 'legend' | 'chosen' | 'onChange' | 'error' | 'row'>;

/** A choice of any number of the workspace's queues (an agent's, an end reason's). */
export function QueueCheckboxes(props: QueueProps) {
  const queues = useAdminQueues();
  const options = (queues.data ?? []).map((q) => ({ id: q.id, label: q.name }));
  return <ChoiceCheckboxes {...props} source={queues} options={options} none={adminStrings.noQueuesToChoose} />;
}
