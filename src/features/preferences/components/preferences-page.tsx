import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import type { Role } from '../../../contract/auth';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { preferencesStrings } from '../../../lib/staff-page-strings';
import { usePreferences } from '../api/get-preferences';
import { NotificationSettings } from './notification-settings';

/** Each staff member's own choices, saved on the server for all their devices. */
export function PreferencesPage({ role }: { role: Role }) {
  const s = preferencesStrings;
  const preferences = usePreferences();
  return (
    <Box sx={{ flex: 1, overflow: 'auto' }}>
      <Stack spacing={3} sx={{ maxWidth: 760, mx: 'auto', p: { xs: 2, md: 4 } }}>
        <Box>
          <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>
            {s.title}
          </Typography>
          <Typography color="text.secondary">{s.intro}</Typography>
        </Box>
        {role !== 'agent' && <Alert severity="info">{s.agentsOnly}</Alert>}
        {preferences.isPending ? (
          <Box sx={{ display: 'grid', placeItems: 'center', py: 8 }}>
            <CircularProgress aria-label={strings.common.loading} />
          </Box>
        ) : preferences.isError ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => void preferences.refetch()}>
                {strings.common.retry}
              </Button>
            }
          >
            {errorMessage(preferences.error)}
          </Alert>
        ) : (
          <NotificationSettings notifications={preferences.data.notifications} />
        )}
      </Stack>
    </Box>
  );
}
