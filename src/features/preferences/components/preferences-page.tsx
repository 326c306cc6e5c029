import { Alert } from '@mui/material';
import { useSuspenseQuery } from '@tanstack/react-query';
import { PageColumn, PageHeading } from '../../../components/page-frame';
import type { Role } from '../../../contract/auth';
import { preferencesStrings } from '../../../lib/preferences-strings';
import { preferencesQueryOptions } from '../api/get-preferences';
import { AppearanceSettings } from './appearance-settings';
import { DeviceSessions } from './device-sessions';
import { LanguageSettings } from './language-settings';
import { NotificationSettings } from './notification-settings';
import { PushDevices } from './push-devices';

/** Each staff member's own choices, saved on the server for all their devices. */
export function PreferencesPage({ role }: { role: Role }) {
  const s = preferencesStrings;
  // The route's loader has filled the cache; its pending and error components cover the rest.
  const preferences = useSuspenseQuery(preferencesQueryOptions());
  return (
    <PageColumn maxWidth={760}>
      <PageHeading title={s.title} intro={s.intro} />
      {role !== 'agent' && <Alert severity="info">{s.agentsOnly}</Alert>}
      <LanguageSettings language={preferences.data.language} />
      <AppearanceSettings colorScheme={preferences.data.colorScheme} keyboardShortcuts={preferences.data.keyboardShortcuts} />
      <NotificationSettings notifications={preferences.data.notifications} />
      <PushDevices />
      <DeviceSessions />
    </PageColumn>
  );
}
