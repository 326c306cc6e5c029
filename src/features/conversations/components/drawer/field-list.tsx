import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { drawerContentStrings } from '../../../../lib/drawer-strings';

/** Read-only label/value pairs as a description list; missing values say so instead of leaving a gap. */
export function FieldList({ fields }: { fields: [label: string, value: ReactNode][] }) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1.25 }}>
      {fields.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }} color={value ? 'text.primary' : 'text.disabled'}>
            {value || drawerContentStrings.unknown}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
