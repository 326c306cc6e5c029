import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Box, Button, Chip, IconButton, Stack, TableCell, TableRow, Tooltip, Typography } from '@mui/material';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelConfig } from '../../../contract/channels';
import { ChannelBadge } from '../../../components/channel-badge';
import { CHANNEL_OF_PROVIDER } from '../../../domain/channel-rules';
import { adminStrings } from '../../../lib/admin-strings';
import { channelsQueryOptions } from '../api/channels';
import { AdminPage } from './admin-page';
import { AdminTable } from './admin-table';
import { ChannelDialog } from './channels-dialog';

/** Where Sinch must send this channel's callbacks: this server's origin and the channel's path. */
export const webhookUrl = (c: ChannelConfig) => `${window.location.origin}${c.webhookPath}`;

/** Admins: the Conversation API apps customers reach us through, with their webhook URLs. */
export function ChannelsPage() {
  const s = adminStrings.channels;
  const channels = useSuspenseQuery(channelsQueryOptions());
  const [editing, setEditing] = useState<ChannelConfig | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Without clipboard access (a plain-http origin) nothing is said: the URL is in the table to copy by hand.
  const copy = (c: ChannelConfig) => void navigator.clipboard?.writeText(webhookUrl(c)).then(() => setNotice(s.copied(c.name)), () => {});

  return (
    <AdminPage text={s} onAdd={() => setEditing('new')} notice={notice} onDismissNotice={() => setNotice(null)}>
      <AdminTable
        label={s.table}
        rows={channels.data}
        empty={s.empty}
        head={
          <>
            <TableCell>{s.name}</TableCell>
            <TableCell>{s.carries}</TableCell>
            <TableCell>{s.queue}</TableCell>
            <TableCell>{s.region}</TableCell>
            <TableCell>{s.status}</TableCell>
            <TableCell>{s.webhookUrl}</TableCell>
            <TableCell sx={{ textAlign: 'right' }}>{adminStrings.actions}</TableCell>
          </>
        }
        row={(c) => (
          <TableRow key={c.id} hover>
            <TableCell component="th" scope="row">
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {c.name}
              </Typography>
              {c.sender && (
                <Typography variant="caption" color="text.secondary">
                  {c.sender}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 1, rowGap: 0.5 }}>
                {c.carries.map((p) => (
                  <ChannelBadge key={p} channel={CHANNEL_OF_PROVIDER[p]} />
                ))}
              </Stack>
            </TableCell>
            <TableCell>{c.queue.name}</TableCell>
            <TableCell>{s.regions[c.region]}</TableCell>
            <TableCell>
              <Chip size="small" color={c.enabled ? 'success' : 'default'} variant="outlined" label={c.enabled ? s.enabled : s.disabled} />
            </TableCell>
            <TableCell>
              <Stack direction="row" sx={{ alignItems: 'center', maxWidth: 360 }}>
                <Box component="code" sx={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={webhookUrl(c)}>
                  {webhookUrl(c)}
                </Box>
                <Tooltip title={s.copy}>
                  <IconButton size="small" aria-label={s.copyLabel(c.name)} onClick={() => copy(c)}>
                    <ContentCopyIcon fontSize="inherit" />
                  </IconButton>
                </Tooltip>
              </Stack>
            </TableCell>
            <TableCell sx={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              <Button size="small" aria-label={adminStrings.editLabel(c.name)} onClick={() => setEditing(c)}>
                {adminStrings.edit}
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
      {editing && (
        <ChannelDialog
          channel={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(channel, created) => {
            setEditing(null);
            setNotice(created ? s.connected(channel.name, webhookUrl(channel)) : s.saved(channel.name));
          }}
        />
      )}
    </AdminPage>
  );
}
