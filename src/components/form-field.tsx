import { FormControl, FormHelperText, InputLabel, NativeSelect, OutlinedInput, type InputBaseComponentProps } from '@mui/material';
import { useId } from 'react';
import type { FieldProps } from './native-field';

interface Props extends FieldProps {
  multiline?: boolean;
  minRows?: number;
  /** Attributes of the `<input>` itself (maxLength…). */
  htmlInput?: InputBaseComponentProps;
}

/**
 * An outlined, labelled text field, as MUI's TextField draws it, built from the same MUI parts
 * (FormControl, InputLabel, OutlinedInput, FormHelperText) but without TextField itself: TextField
 * imports MUI's Select with its menu, popover, modal and focus trap whether a form uses them or not.
 * The first loads (the login card, the customers' start form) use NativeField, lighter still.
 */
export function FormField({ label, value, onChange, error, helperText, required, type, autoComplete, autoFocus, multiline, minRows, htmlInput, options }: Props) {
  const id = useId();
  const helperId = `${id}-helper`;
  const describedBy = helperText ? helperId : undefined;
  return (
    <FormControl fullWidth error={error} required={required}>
      <InputLabel htmlFor={id} shrink={options ? true : undefined}>
        {label}
      </InputLabel>
      {options ? (
        <NativeSelect value={value} onChange={onChange} input={<OutlinedInput notched label={label} />} inputProps={{ id, 'aria-describedby': describedBy }}>
          <option value="" disabled />
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      ) : (
        <OutlinedInput
          id={id}
          label={label}
          value={value}
          onChange={onChange}
          type={type}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          multiline={multiline}
          minRows={minRows}
          inputProps={{ ...htmlInput, 'aria-describedby': describedBy }}
        />
      )}
      {helperText && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  );
}
