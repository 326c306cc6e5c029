import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { TableRegion } from '../../../components/table-region';
import type { ChannelCount } from '../../../contract/supervision';
import { ChannelBadge } from '../../../components/channel-badge';
import { supervisorStrings } from '../../../lib/supervisor-strings';

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** Open conversations per channel (web chat, SMS, WhatsApp…), across every queue. */
export function ChannelCountTable({ channels }: { channels: ChannelCount[] }) {
  const s = supervisorStrings;
  return (
    <>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 3, mb: 1 }}>
        {s.byChannel}
      </Typography>
      {channels.length === 0 ? (
        <Typography color="text.secondary">{s.noChannelConversations}</Typography>
      ) : (
        // Four short columns fit a phone with narrower cells; should they not, the box scrolls and
        // takes focus, so it scrolls from the keyboard too (it holds nothing else to focus).
        <TableRegion label={s.channelsTable} sx={{ maxWidth: 560 }}>
          <Table aria-label={s.channelsTable} size="small" sx={{ '& .MuiTableCell-root': { px: { xs: 1, sm: 2 } } }}>
            <TableHead>
              <TableRow>
                <TableCell>{s.channel}</TableCell>
                <TableCell sx={numberCell}>{s.waiting}</TableCell>
                <TableCell sx={numberCell}>{s.offered}</TableCell>
                <TableCell sx={numberCell}>{s.inProgress}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {channels.map((c) => (
                <TableRow key={c.channel}>
                  <TableCell component="th" scope="row">
                    <ChannelBadge channel={c.channel} />
                  </TableCell>
                  <TableCell sx={numberCell}>{c.waiting}</TableCell>
                  <TableCell sx={numberCell}>{c.offered}</TableCell>
                  <TableCell sx={numberCell}>{c.inProgress}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </>
  );
}
