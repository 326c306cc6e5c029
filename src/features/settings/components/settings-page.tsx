import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { strings } from '../../../lib/strings';
import { settingsStrings } from '../../../lib/staff-page-strings';
import { useSettings } from '../api/get-settings';
import { SettingsForm } from './settings-form';
import { WebchatIdentitySection } from './webchat-identity-section';

/** The admin's System Configurator: the attachment policies of agents and customers, and the routing settings. */
export function SettingsPage() {
  const s = settingsStrings;
  const settings = useSettings();
  return (
    <Box sx={{ flex: 1, overflow: 'auto' }}>
      <Stack spacing={3} sx={{ maxWidth: 1200, mx: 'auto', p: { xs: 2, md: 4 } }}>
        <Box>
          <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>
            {s.title}
          </Typography>
          <Typography color="text.secondary">{s.intro}</Typography>
          {settings.data && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {settings.data.updatedAt && settings.data.updatedBy
                ? s.lastSaved(settings.data.updatedBy.displayName, formatDateTime(settings.data.updatedAt))
                : s.defaults}
            </Typography>
          )}
        </Box>
        {settings.isPending ? (
          <Box sx={{ display: 'grid', placeItems: 'center', py: 8 }}>
            <CircularProgress aria-label={strings.common.loading} />
          </Box>
        ) : settings.isError ? (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => void settings.refetch()}>
                {strings.common.retry}
              </Button>
            }
          >
            {errorMessage(settings.error)}
          </Alert>
        ) : (
          <SettingsForm settings={settings.data} />
        )}
        <WebchatIdentitySection />
      </Stack>
    </Box>
  );
}
