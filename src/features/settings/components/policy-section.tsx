import {
  Alert,
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { useId } from 'react';
import { FILE_TYPES, type AttachmentPolicy } from '../../../contract/attachments';
import { SectionCard } from '../../../components/section-card';
import { settingsStrings } from '../../../lib/settings-strings';
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
  const typesErrorId = useId();
  return (
    <SectionCard title={s.sections[policyKey]} hint={s.sectionHints[policyKey]} sx={{ flex: 1, minWidth: 0 }}>
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
        <LimitField
          label={s.maxSize}
          value={draft.maxFileSizeMb}
          bounds={[0, MAX_FILE_SIZE_CEILING_MB]}
          disabled={disabled}
          onChange={(value) => onChange({ ...draft, maxFileSizeMb: value }, 'maxFileSizeBytes')}
          helperText={errors?.maxFileSizeBytes ?? s.maxSizeHint(MAX_FILE_SIZE_CEILING_MB)}
          error={!!errors?.maxFileSizeBytes}
        />
        <LimitField
          label={s.maxImagePixels}
          value={draft.maxImageMegapixels}
          bounds={[MIN_MAX_IMAGE_MP, MAX_IMAGE_MP_CEILING]}
          disabled={disabled}
          onChange={(value) => onChange({ ...draft, maxImageMegapixels: value }, 'maxImagePixels')}
          helperText={errors?.maxImagePixels ?? s.maxImagePixelsHint(MIN_MAX_IMAGE_MP, MAX_IMAGE_MP_CEILING)}
          error={!!errors?.maxImagePixels}
        />
      </Stack>
    </SectionCard>
  );
}

interface LimitProps {
  label: string;
  value: string;
  /** The lowest and highest value the field offers. */
  bounds: [min: number, max: number];
  disabled?: boolean;
  onChange(value: string): void;
  helperText: string;
  error: boolean;
}

/** A size limit in its unit (MB, megapixels), decimals allowed, as typed. */
function LimitField({ label, value, bounds: [min, max], disabled, onChange, helperText, error }: LimitProps) {
  return (
    <Box>
      <TextField
        label={label}
        type="number"
        size="small"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        helperText={helperText}
        slotProps={{ htmlInput: { min, max, step: 'any', inputMode: 'decimal' } }}
        sx={{ width: 300, maxWidth: '100%' }}
      />
    </Box>
  );
}
