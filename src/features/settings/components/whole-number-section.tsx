import { Box, TextField } from '@mui/material';
import { SectionCard } from '../../../components/section-card';

/** What a section says: its heading, a hint under it, and a label and hint for each field. */
export interface WholeNumberSectionText<F extends string> {
  section: string;
  sectionHint: string;
  labels: Record<F, string>;
  hints: Record<F, (min: number, max: number) => string>;
}

interface Props<F extends string> {
  text: WholeNumberSectionText<F>;
  /** The fields, in the order they are shown. */
  fields: readonly F[];
  /** The contract's bounds of each field, shown in its hint and set on the input. */
  bounds(field: F): { min: number; max: number };
  draft: Record<F, string>;
  errors?: Partial<Record<F, string>>;
  disabled?: boolean;
  onChange(field: F, value: string): void;
}

/**
 * A settings section of whole numbers within bounds (routing timings, session timeouts): the
 * value as typed, the server's or the schema's message on the field, else the allowed range.
 */
export function WholeNumberSection<F extends string>({ text, fields, bounds, draft, errors, disabled, onChange }: Props<F>) {
  return (
    <SectionCard title={text.section} hint={text.sectionHint}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' }, columnGap: 3, rowGap: 2.5 }}>
        {fields.map((field) => {
          const { min, max } = bounds(field);
          return (
            <TextField
              key={field}
              label={text.labels[field]}
              type="number"
              size="small"
              value={draft[field]}
              disabled={disabled}
              onChange={(e) => onChange(field, e.target.value)}
              error={!!errors?.[field]}
              helperText={errors?.[field] ?? text.hints[field](min, max)}
              slotProps={{ htmlInput: { min, max, step: 1, inputMode: 'numeric' } }}
            />
          );
        })}
      </Box>
    </SectionCard>
  );
}
