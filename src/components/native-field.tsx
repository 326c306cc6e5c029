import { Box, type SxProps, type Theme } from '@mui/material';
import { useId, type ChangeEvent, type ReactNode } from 'react';

/** What every labelled field of the app takes (this one and FormField). */
export interface FieldProps {
  label: string;
  value: string;
  onChange(e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>): void;
  error?: boolean;
  helperText?: ReactNode;
  required?: boolean;
  type?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  /** Choices: the field is then a native `<select>` (the phone's own picker); `''` is "none chosen". */
  options?: { value: string; label: string }[];
}

interface Props extends FieldProps {
  /** A text area of this many rows, which the user may make taller. */
  rows?: number;
  maxLength?: number;
}

/**
 * A labelled field of the pages that are first loads (the login card, the customers' start form):
 * the browser's own input, text area or select under its label, outlined as the panel's other
 * fields. Not FormField: MUI's outlined field (FormControl, InputLabel, OutlinedInput, InputBase
 * and their parts, about 8 KB gzipped) would ride in those pages' first load, and in the staff
 * panel's entry, which every staff page loads (issue 11's budgets).
 */
export function NativeField({ label, value, onChange, error, helperText, required, type, autoComplete, autoFocus, rows, maxLength, options }: Props) {
  const id = useId();
  const helperId = `${id}-helper`;
  const control = {
    id,
    value,
    onChange,
    required,
    autoFocus,
    'aria-invalid': error || undefined,
    'aria-describedby': helperText ? helperId : undefined,
    sx: controlSx(Boolean(error)),
  };
  return (
    <Box>
      <Box component="label" htmlFor={id} sx={{ display: 'block', mb: 0.75, typography: 'body2', color: error ? 'error.main' : 'text.secondary' }}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </Box>
      {options ? (
        <Box component="select" {...control}>
          <option value="" disabled />
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Box>
      ) : rows ? (
        <Box component="textarea" rows={rows} maxLength={maxLength} {...control} />
      ) : (
        <Box component="input" type={type ?? 'text'} autoComplete={autoComplete} maxLength={maxLength} {...control} />
      )}
      {helperText && (
        <Box id={helperId} sx={{ mt: 0.5, mx: 1.75, typography: 'caption', color: error ? 'error.main' : 'text.secondary' }}>
          {helperText}
        </Box>
      )}
    </Box>
  );
}

const controlSx = (error: boolean): SxProps<Theme> => ({
  display: 'block',
  width: '100%',
  boxSizing: 'border-box',
  font: 'inherit',
  px: 1.75,
  py: 1.75,
  borderRadius: 1,
  border: 1,
  borderColor: error ? 'error.main' : 'action.disabled',
  bgcolor: 'background.paper',
  color: 'text.primary',
  resize: 'vertical',
  '&:hover': { borderColor: error ? 'error.main' : 'text.primary' },
  // As MUI's outlined field: a border twice as thick, in the primary colour, while in use.
  '&:focus': {
    outline: 'none',
    borderColor: error ? 'error.main' : 'primary.main',
    boxShadow: (theme) => `inset 0 0 0 1px ${(theme.vars ?? theme).palette[error ? 'error' : 'primary'].main}`,
  },
  // A finger's size on touch screens, as every other control there (touch.css).
  '@media (pointer: coarse)': { minHeight: 44 },
});
