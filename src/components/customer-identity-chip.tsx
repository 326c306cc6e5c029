import { Box, Chip, Tooltip } from '@mui/material';
import { useId } from 'react';
import type { Customer } from '../contract/conversations';
import { identityStrings } from '../lib/identity-strings';
import { visuallyHidden } from '../lib/theme';

/**
 * Marks a customer whose name and email nobody has confirmed, wherever their name is shown
 * prominently. Verified customers get no chip: the warning must stand out, not the norm. Screen
 * readers get it as a note named "Unverified customer", described by the explanation.
 */
export function UnverifiedChip({ customer }: { customer: Pick<Customer, 'verified'> }) {
  const hintId = useId();
  if (customer.verified) return null;
  const s = identityStrings;
  return (
    <>
      <Tooltip describeChild title={s.unverifiedHint}>
        <Chip
          role="note"
          size="small"
          color="warning"
          variant="outlined"
          label={s.unverified}
          aria-label={s.unverifiedLabel}
          aria-describedby={hintId}
          // MUI's warning orange is 3:1 on white; this darker one reads at 5:1 (WCAG AA for small text).
          sx={{ flexShrink: 0, color: 'warning.dark', borderColor: 'warning.dark' }}
        />
      </Tooltip>
      <Box component="span" id={hintId} sx={visuallyHidden}>
        {s.unverifiedHint}
      </Box>
    </>
  );
}
