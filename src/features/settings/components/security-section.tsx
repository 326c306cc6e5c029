import { Box, Paper, TextField, Typography } from '@mui/material';
import { useId } from 'react';
import { strings } from '../../../lib/strings';
import { SECURITY_FIELDS, securityBounds, type SecurityDraft, type SecurityField } from '../policy-draft';

interface Props {
  draft: SecurityDraft;
  errors?: Partial<Record<SecurityField, string>>;
  disabled?: boolean;
  onChange(field: SecurityField, value: string): void;
}

/** The session timeouts: idle minutes and maximum days, whole numbers within the contract's bounds. */
export function SecuritySection({ draft, errors, disabled, onChange }: Props) {
  const s = strings.settings.security;
  const headingId = useId();
  return (
    <Paper variant="outlined" role="group" aria-labelledby={headingId} sx={{ p: 3 }}>
      <Typography id={headingId} variant="h6" component="h3">
        {s.section}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2.5 }}>
        {s.sectionHint}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' }, columnGap: 3, rowGap: 2.5 }}>
        {SECURITY_FIELDS.map((field) => {
          const { min, max } = securityBounds(field);
          return (
            <TextField
              key={field}
              label={s.labels[field]}
              type="number"
              size="small"
              value={draft[field]}
              disabled={disabled}
              onChange={(e) => onChange(field, e.target.value)}
              error={!!errors?.[field]}
              helperText={errors?.[field] ?? s.hints[field](min, max)}
              slotProps={{ htmlInput: { min, max, step: 1, inputMode: 'numeric' } }}
            />
          );
        })}
      </Box>
    </Paper>
  );
}
