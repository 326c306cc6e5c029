import NotificationsActiveOutlinedIcon from '@mui/icons-material/NotificationsActiveOutlined';
import VolumeUpOutlinedIcon from '@mui/icons-material/VolumeUpOutlined';
import { Alert, Box, Button, Divider, FormControlLabel, FormGroup, FormHelperText, Stack, Switch, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { NotificationPreferences } from '../../../contract/preferences';
import { SectionCard } from '../../../components/section-card';
import { useNotifierStatus } from '../../../hooks/use-notifier-status';
import { errorMessage } from '../../../lib/api-client';
import { notifier, type DesktopPermission } from '../../../lib/notifier';
import { whenIdle } from '../../../lib/when-idle';
import { preferencesStrings } from '../../../lib/preferences-strings';
import { useUpdatePreferences } from '../api/update-preferences';

type Key = keyof NotificationPreferences;

const permissionSeverity: Record<DesktopPermission, 'success' | 'info' | 'warning'> = {
  granted: 'success',
  default: 'info',
  denied: 'warning',
  unsupported: 'info',
};

/** What to be told about (new messages, offers and waiting conversations) and how (desktop, sound). */
export function NotificationSettings({ notifications }: { notifications: NotificationPreferences }) {
  const s = preferencesStrings;
  const update = useUpdatePreferences();
  const { permission, audio } = useNotifierStatus();
  const [tested, setTested] = useState<'played' | 'blocked' | null>(null);
  // With sound on, find out now whether the browser lets the page play it, to say so if not.
  // (When the page is idle: the first audio context pauses the page while the browser starts its audio.)
  useEffect(() => {
    if (!notifications.sound) return;
    const prepare = whenIdle(() => notifier.prepareAudio());
    return () => prepare.cancel();
  }, [notifications.sound]);

  // A switch moves in the click's own render: the cache's optimistic change comes a tick later
  // (after the update cancels queries in flight), and a controlled switch would flick back for it.
  // Whatever the cache says next (the change, or the rollback after a refusal) takes over.
  const [asked, setAsked] = useState<Partial<NotificationPreferences>>({});
  useEffect(() => setAsked({}), [notifications]);

  const set = (key: Key, value: boolean) => {
    setAsked((a) => ({ ...a, [key]: value }));
    update.mutate({ notifications: { [key]: value } });
    // Turning desktop notifications on is the natural moment for the browser's question.
    if (key === 'desktop' && value && permission === 'default') void notifier.requestPermission();
  };

  const toggle = (key: Key, label: string, hint?: string) => (
    <Box>
      <FormControlLabel
        control={<Switch checked={asked[key] ?? notifications[key]} onChange={(_, checked) => set(key, checked)} />}
        label={label}
      />
      {hint && <FormHelperText sx={{ mt: -0.5, ml: 6 }}>{hint}</FormHelperText>}
    </Box>
  );

  const playTest = async () => {
    const played = await notifier.playTone();
    setTested(played ? 'played' : 'blocked');
  };

  return (
    <SectionCard region title={s.notifications} hint={s.notificationsHint}>
      {update.isError && (
        <Alert severity="error" role="alert" onClose={() => update.reset()} sx={{ mb: 2 }}>
          {s.saveFailed(errorMessage(update.error))}
        </Alert>
      )}

      <Stack spacing={2} divider={<Divider flexItem />}>
        <FormGroup aria-label={s.what}>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 0.5 }}>
            {s.what}
          </Typography>
          {toggle('newMessages', s.newMessages, s.newMessagesHint)}
          {toggle('newConversations', s.newConversations)}
        </FormGroup>

        <FormGroup aria-label={s.how}>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 0.5 }}>
            {s.how}
          </Typography>
          {toggle('desktop', s.desktop, s.desktopHint)}
          <Stack spacing={1} sx={{ ml: 6, mt: 1, mb: 2, alignItems: 'flex-start' }}>
            <Alert severity={permissionSeverity[permission]} role="status" sx={{ py: 0 }}>
              {s.permission[permission]}
            </Alert>
            {permission === 'default' && (
              <Button variant="outlined" size="small" startIcon={<NotificationsActiveOutlinedIcon />} onClick={() => void notifier.requestPermission()}>
                {s.allowDesktop}
              </Button>
            )}
          </Stack>

          {toggle('sound', s.sound, s.soundHint)}
          <Stack spacing={1} sx={{ ml: 6, mt: 1, alignItems: 'flex-start' }}>
            {audio !== 'unsupported' && (
              <Button variant="outlined" size="small" startIcon={<VolumeUpOutlinedIcon />} onClick={() => void playTest()}>
                {s.testSound}
              </Button>
            )}
            {(audio === 'blocked' && notifications.sound) || tested === 'blocked' ? (
              <Alert severity="warning" role="status" sx={{ py: 0 }}>
                {s.soundBlocked}
              </Alert>
            ) : tested === 'played' ? (
              <Typography variant="body2" color="text.secondary" role="status">
                {s.soundPlayed}
              </Typography>
            ) : null}
          </Stack>
        </FormGroup>
      </Stack>
    </SectionCard>
  );
}
