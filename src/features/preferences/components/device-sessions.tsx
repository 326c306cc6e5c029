import DevicesOutlinedIcon from '@mui/icons-material/DevicesOutlined';
import LogoutIcon from '@mui/icons-material/Logout';
import { Alert, Box, Button, Chip, CircularProgress, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { DeviceSession } from '../../../contract/sessions';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { SectionCard } from '../../../components/section-card';
import { deviceLabel } from '../../../lib/device-label';
import { formatDateTime } from '../../../lib/format';
import { strings } from '../../../lib/strings';
import { preferencesStrings } from '../../../lib/preferences-strings';
import { useDeviceSessions, useEndDeviceSession, useLogoutEverywhere } from '../api/device-sessions';

const s = preferencesStrings.devices;
// The name an app gave at login, else one made from the browser's user agent.
const nameOf = (session: DeviceSession) => session.deviceName ?? (session.userAgent ? deviceLabel(session.userAgent) : s.unknownDevice);

/** Where I am logged in, with a way to log out one device or all of them. */
export function DeviceSessions() {
  const sessions = useDeviceSessions();
  const endOne = useEndDeviceSession();
  const everywhere = useLogoutEverywhere();
  const navigate = useNavigate();
  const [ending, setEnding] = useState<DeviceSession | null>(null);
  const [endingAll, setEndingAll] = useState(false);

  const others = sessions.data?.filter((d) => !d.current) ?? [];
  return (
    <SectionCard region title={s.title} hint={s.hint}>
      {sessions.isPending ? (
        <Box sx={{ py: 2, textAlign: 'center' }}>
          <CircularProgress size={24} aria-label={strings.common.loading} />
        </Box>
      ) : sessions.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void sessions.refetch()}>
              {strings.common.retry}
            </Button>
          }
        >
          {s.loadFailed}
        </Alert>
      ) : (
        <List aria-label={s.listLabel} disablePadding>
          {sessions.data.map((device) => (
            <ListItem
              key={device.id}
              aria-label={nameOf(device)}
              divider
              disableGutters
              secondaryAction={
                device.current ? (
                  <Chip label={s.thisDevice} color="primary" variant="outlined" size="small" />
                ) : (
                  <Button size="small" color="error" startIcon={<LogoutIcon />} aria-label={s.logOutDevice(nameOf(device))} onClick={() => setEnding(device)}>
                    {s.logOut}
                  </Button>
                )
              }
              sx={{ pr: 16 }}
            >
              <ListItemIcon sx={{ minWidth: 40 }}>
                <DevicesOutlinedIcon />
              </ListItemIcon>
              <ListItemText primary={nameOf(device)} secondary={`${s.lastUsed(formatDateTime(device.lastUsedAt))} · ${s.since(formatDateTime(device.createdAt))}`} />
            </ListItem>
          ))}
        </List>
      )}
      {sessions.isSuccess && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
          <Typography variant="body2" color="text.secondary">
            {others.length === 0 ? s.onlyThis : ''}
          </Typography>
          <Button color="error" variant="outlined" startIcon={<LogoutIcon />} onClick={() => setEndingAll(true)}>
            {s.everywhere}
          </Button>
        </Stack>
      )}
      <ConfirmDialog
        open={ending !== null}
        title={s.confirmTitle}
        body={ending ? s.confirmBody(nameOf(ending)) : ''}
        confirmLabel={s.logOut}
        pending={endOne.isPending}
        error={endOne.error}
        onCancel={() => {
          setEnding(null);
          endOne.reset();
        }}
        onConfirm={() => ending && endOne.mutate(ending.id, { onSuccess: () => setEnding(null) })}
      />
      <ConfirmDialog
        open={endingAll}
        title={s.everywhereTitle}
        body={s.everywhereBody}
        confirmLabel={s.everywhere}
        pending={everywhere.isPending}
        error={everywhere.error}
        onCancel={() => {
          setEndingAll(false);
          everywhere.reset();
        }}
        onConfirm={() => everywhere.mutate(undefined, { onSuccess: () => void navigate({ to: '/login' }) })}
      />
    </SectionCard>
  );
}
