import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import NotificationsActiveOutlinedIcon from '@mui/icons-material/NotificationsActiveOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  Divider,
  IconButton,
  Stack,
  Typography,
} from '@mui/material';
import { SectionCard } from '../../../components/section-card';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useState } from 'react';
import type { Device } from '../../../contract/devices';
import { errorMessage } from '../../../lib/api-client';
import { deviceLabel } from '../../../lib/device-label';
import { formatDateTime } from '../../../lib/format';
import { pushStrings } from '../push-strings';
import { devicesQueryOptions, registerDevice, useRefreshDevices, useRemoveDevice } from '../api/devices';
import { PushSetupError, readBrowserPush, subscribeThisBrowser, unsubscribeThisBrowser, type BrowserPush } from '../push-subscription';

/** What this browser can do, read when the section shows and after each change; null while reading. */
function useBrowserPush() {
  const [state, setState] = useState<BrowserPush | null>(null);
  const read = useCallback(async () => {
    const next = await readBrowserPush().catch((): BrowserPush => ({ support: 'unsupported', permission: 'default', endpoint: null }));
    setState(next);
    return next;
  }, []);
  useEffect(() => {
    void read();
  }, [read]);
  return { state, read };
}

/**
 * Push notifications for this device (permission, subscription, registration with the server)
 * and the list of my registered devices, each removable after a confirmation.
 */
export function PushDevices() {
  const s = pushStrings;
  const headingId = useId();
  const { data } = useSuspenseQuery(devicesQueryOptions());
  const { state: browser, read } = useBrowserPush();
  const refresh = useRefreshDevices();
  const remove = useRemoveDevice();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Device | null>(null);

  // This browser's device: its subscription, registered by this session (a registration left by an earlier login does not count).
  const mine = data.devices.find((d) => d.endpoint !== null && d.endpoint === browser?.endpoint);
  const on = mine?.thisSession === true;

  const turnOn = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const subscription = await subscribeThisBrowser(data.webPushPublicKey);
      await registerDevice({ kind: 'webpush', subscription, label: deviceLabel(navigator.userAgent) });
    } catch (err) {
      setProblem(err instanceof PushSetupError ? err.message : errorMessage(err));
    } finally {
      await Promise.all([read(), refresh()]);
      setBusy(false);
    }
  };

  const removeOne = async (device: Device) => {
    setConfirming(null);
    setProblem(null);
    try {
      await remove.mutateAsync(device.id);
      // This browser's own subscription ends too, so its push service forgets it.
      await unsubscribeThisBrowser(device.endpoint);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      await read();
    }
  };

  const thisDevice = () => {
    if (!browser) return null;
    if (browser.support === 'unsupported') return <Alert severity="info" role="status">{s.unsupported}</Alert>;
    if (browser.support === 'no-worker') return <Alert severity="info" role="status">{s.noWorker}</Alert>;
    if (browser.permission === 'denied') return <Alert severity="warning" role="status">{s.denied}</Alert>;
    if (on && mine) {
      return (
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Alert severity="success" role="status" sx={{ py: 0 }}>
            {s.on}
          </Alert>
          <Button variant="outlined" size="small" onClick={() => setConfirming(mine)} disabled={remove.isPending}>
            {s.turnOff}
          </Button>
        </Stack>
      );
    }
    return (
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Button variant="contained" size="small" startIcon={<NotificationsActiveOutlinedIcon />} loading={busy} onClick={() => void turnOn()}>
          {s.turnOn}
        </Button>
        {browser.permission !== 'granted' && (
          <Typography variant="body2" color="text.secondary">
            {s.turnOnHint}
          </Typography>
        )}
      </Stack>
    );
  };

  return (
    <SectionCard region title={s.title} hint={s.hint}>
      {problem && (
        <Alert severity="error" role="alert" onClose={() => setProblem(null)} sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      <Stack spacing={2} divider={<Divider flexItem />}>
        <Box>
          <Typography variant="subtitle2" component="h4" sx={{ mb: 1 }}>
            {s.thisDevice}
          </Typography>
          {thisDevice()}
        </Box>
        <Box>
          <Typography variant="subtitle2" component="h4">
            {s.myDevices}
          </Typography>
          {confirming && (
            // In the page rather than a modal dialog: MUI's Dialog here would reshape the chunks of the agent's first load.
            <Alert
              severity="warning"
              role="alertdialog"
              aria-labelledby={`${headingId}-remove`}
              sx={{ mt: 1 }}
              action={
                <Stack direction="row" spacing={1}>
                  <Button color="inherit" size="small" autoFocus onClick={() => setConfirming(null)}>
                    {s.cancel}
                  </Button>
                  <Button color="error" variant="contained" size="small" onClick={() => void removeOne(confirming)}>
                    {s.confirmRemove}
                  </Button>
                </Stack>
              }
            >
              <Typography id={`${headingId}-remove`} variant="subtitle2" component="p">
                {s.removeTitle}
              </Typography>
              {s.removeBody(confirming.label)}
            </Alert>
          )}
          {data.devices.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {s.none}
            </Typography>
          ) : (
            <Stack component="ul" aria-label={s.listLabel} spacing={1} sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
              {data.devices.map((device) => (
                <DeviceRow key={device.id} device={device} isThisBrowser={device.endpoint !== null && device.endpoint === browser?.endpoint} onRemove={() => setConfirming(device)} />
              ))}
            </Stack>
          )}
        </Box>
      </Stack>
    </SectionCard>
  );
}

function DeviceRow({ device, isThisBrowser, onRemove }: { device: Device; isThisBrowser: boolean; onRemove: () => void }) {
  const s = pushStrings;
  const details = [
    `${s.kinds[device.kind]} · ${s.registered(formatDateTime(device.createdAt))}`,
    device.lastDeliveredAt ? s.lastDelivered(formatDateTime(device.lastDeliveredAt)) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const status = !device.delivered ? s.notDelivered : device.failingSince ? s.failing(formatDateTime(device.failingSince)) : null;
  return (
    <Stack component="li" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2">{device.label}</Typography>
          {isThisBrowser && <Chip size="small" color="primary" variant="outlined" label={s.thisDeviceChip} />}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {status ? `${details}. ${status}` : details}
        </Typography>
      </Box>
      <IconButton aria-label={s.remove(device.label)} onClick={onRemove}>
        <DeleteOutlinedIcon />
      </IconButton>
    </Stack>
  );
}
