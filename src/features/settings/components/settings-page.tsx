import { Typography } from '@mui/material';
import { useSuspenseQuery } from '@tanstack/react-query';
import { PageColumn, PageHeading } from '../../../components/page-frame';
import { formatDateTime } from '../../../lib/format';
import { settingsStrings } from '../../../lib/settings-strings';
import { settingsQueryOptions } from '../api/get-settings';
import { SettingsForm } from './settings-form';
import { WebchatIdentitySection } from './webchat-identity-section';
import { CustomerChatSection } from './customer-chat-section';

/** The admin's System Configurator: the attachment policies of agents and customers, and the routing settings. */
export function SettingsPage() {
  const s = settingsStrings;
  // The route's loader has filled the cache; its pending and error components cover the rest.
  const settings = useSuspenseQuery(settingsQueryOptions());
  return (
    <PageColumn maxWidth={1200}>
      <PageHeading title={s.title} intro={s.intro}>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {settings.data.updatedAt && settings.data.updatedBy
            ? s.lastSaved(settings.data.updatedBy.displayName, formatDateTime(settings.data.updatedAt))
            : s.defaults}
        </Typography>
      </PageHeading>
      <SettingsForm settings={settings.data} />
      <CustomerChatSection settings={settings.data} />
      <WebchatIdentitySection />
    </PageColumn>
  );
}
