import {
  Alert,
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId } from 'react';
import { FILE_TYPES, type AttachmentPolicy } from '../../../contract/attachments';
import { settingsStrings } from '../../../lib/staff-page-strings';
import {
  fileTypesByKind,
  MAX_FILE_SIZE_CEILING_MB,
  MAX_IMAGE_MP_CEILING,
  MIN_MAX_IMAGE_MP,
  toggleType,
  type PolicyDraft,
  type PolicyKey,
} from '../policy-draft';

interface Props {
  policyKey: PolicyKey;
  draft: PolicyDraft;
  errors?: Partial<Record<keyof AttachmentPolicy, string>>;
  disabled?: boolean;
  onChange(draft: PolicyDraft, field: keyof AttachmentPolicy): void;
}

const groups = fileTypesByKind();

/** One uploader's policy: a checkbox per file type, grouped by kind, and the size limit. */
export function PolicySection({ policyKey, draft, errors, disabled, onChange }: Props) {
  const s = settingsStrings;
  const headingId = useId();
  const typesErrorId = useId();
  return (
    <Paper variant="outlined" role="group" aria-labelledby={headingId} sx={{ p: 3, flex: 1, minWidth: 0 }}>
      <Typography id={headingId} variant="h6" component="h3">
        {s.sections[policyKey]}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {s.sectionHints[policyKey]}
      </Typography>
      <Stack spacing={2}>
        {groups.map(({ kind, types }) => (
          <FormControl key={kind} component="fieldset" disabled={disabled} error={!!errors?.allowedTypes}>
            <FormLabel component="legend" sx={{ fontWeight: 600, fontSize: 14, mb: 0.5 }}>
              {s.kinds[kind]}
            </FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', columnGap: 1 }}>
              {types.map((type) => (
                <FormControlLabel
                  key={type}
                  label={s.fileType(FILE_TYPES[type].label, FILE_TYPES[type].extensions)}
                  control={
                    <Checkbox
                      size="small"
                      checked={draft.allowedTypes.includes(type)}
                      onChange={(e) => onChange(toggleType(draft, type, e.target.checked), 'allowedTypes')}
                      slotProps={{ input: { 'aria-describedby': errors?.allowedTypes ? typesErrorId : undefined } }}
                    />
                  }
                />
              ))}
            </FormGroup>
          </FormControl>
        ))}
        {errors?.allowedTypes ? (
          <FormHelperText id={typesErrorId} error sx={{ m: 0 }}>
            {errors.allowedTypes}
          </FormHelperText>
        ) : (
          draft.allowedTypes.length === 0 && (
            <Alert severity="info" sx={{ py: 0 }}>
              {s.uploadsOff[policyKey]}
            </Alert>
          )
        )}
        <Box>
          <TextField
            label={s.maxSize}
            type="number"
            size="small"
            value={draft.maxFileSizeMb}
            disabled={disabled}
            onChange={(e) => onChange({ ...draft, maxFileSizeMb: e.target.value }, 'maxFileSizeBytes')}
            error={!!errors?.maxFileSizeBytes}
            helperText={errors?.maxFileSizeBytes ?? s.maxSizeHint(MAX_FILE_SIZE_CEILING_MB)}
            slotProps={{ htmlInput: { min: 0, max: MAX_FILE_SIZE_CEILING_MB, step: 'any', inputMode: 'decimal' } }}
            sx={{ width: 300, maxWidth: '100%' }}
          />
        </Box>
        <Box>
          <TextField
            label={s.maxImagePixels}
            type="number"
            size="small"
            value={draft.maxImageMegapixels}
            disabled={disabled}
            onChange={(e) => onChange({ ...draft, maxImageMegapixels: e.target.value }, 'maxImagePixels')}
            error={!!errors?.maxImagePixels}
            helperText={errors?.maxImagePixels ?? s.maxImagePixelsHint(MIN_MAX_IMAGE_MP, MAX_IMAGE_MP_CEILING)}
            slotProps={{ htmlInput: { min: MIN_MAX_IMAGE_MP, max: MAX_IMAGE_MP_CEILING, step: 'any', inputMode: 'decimal' } }}
            sx={{ width: 300, maxWidth: '100%' }}
          />
        </Box>
      </Stack>
    </Paper>
  );
}
