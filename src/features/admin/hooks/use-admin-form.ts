import { useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { apiFormErrors, zodFieldErrors, type FieldErrors } from '../form-errors';
import { useFocusInvalid } from './use-focus-invalid';

/**
 * An admin form's values and what is wrong with them: a message per field (the contract's before
 * sending, the server's after) and one for the whole form. Changing a field takes its message
 * away; a refusal moves focus to the first marked field (useFocusInvalid).
 */
export function useAdminForm<V extends Record<string, unknown>>(initial: V) {
  type F = keyof V & string;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { ref: formRef, focusInvalid } = useFocusInvalid<HTMLFormElement>();
  const fields = Object.keys(initial) as F[];

  const set = <K extends F>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const mark = (next: FieldErrors<F>, form: string | null = null) => {
    setErrors(next);
    setFormError(form);
    focusInvalid();
  };

  return {
    formRef,
    values,
    errors,
    formError,
    set,
    /** A text field's props for `field`: its value as typed, and its message or else `hint`. */
    textProps: <K extends F>(field: K, hint?: string) => ({
      value: values[field] as string,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(field, e.target.value as V[K]),
      error: !!errors[field],
      helperText: errors[field] ?? hint,
    }),
    /**
     * The body the contract accepted, or null with its messages on the fields: on `shown`, the
     * fields the form shows now; any other message goes above the form.
     */
    check<T>(result: z.ZodSafeParseResult<T>, shown: readonly F[] = fields): T | null {
      if (result.success) {
        setErrors({});
        setFormError(null);
        return result.data;
      }
      mark(zodFieldErrors(result.error, shown));
      return null;
    },
    /** A message of the form's own on one field (a password too easy to guess). */
    refuse: (field: F, message: string) => mark({ [field]: message } as FieldErrors<F>),
    /** The server refused: its messages on the `shown` fields, the rest above the form. */
    failed: (err: unknown, shown: readonly F[] = fields) => {
      const split = apiFormErrors(err, shown);
      mark(split.fields, split.form);
    },
  };
}
