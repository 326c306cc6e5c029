import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { TableRegion } from '../../../components/table-region';
import { useSuspenseQuery } from '@tanstack/react-query';
import { supervisorStrings } from '../../../lib/supervisor-strings';
import { agentStatusesQueryOptions } from '../api/get-agent-statuses';
import { serverClockOffset } from '../server-clock';
import { Elapsed } from './elapsed';
import { PresenceLabel } from './presence-label';
import { TABLE_MIN_WIDTH } from '../../../lib/layout';

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** Every agent: presence and for how long, connection, conversations held against capacity. */
export function AgentTable() {
  const s = supervisorStrings;
  const statuses = useSuspenseQuery(agentStatusesQueryOptions());
  const { agents, at } = statuses.data;
  if (agents.length === 0) return <Typography color="text.secondary">{s.noAgents}</Typography>;
  const offsetMs = serverClockOffset(at, statuses.dataUpdatedAt);

  return (
    <TableRegion label={s.agentsTable}>
      <Table aria-label={s.agentsTable} size="small" sx={{ minWidth: TABLE_MIN_WIDTH }}>
        <TableHead>
          <TableRow>
            <TableCell>{s.agent}</TableCell>
            <TableCell>{s.presence}</TableCell>
            <TableCell>{s.connected}</TableCell>
            <TableCell sx={numberCell}>{s.inStateFor}</TableCell>
            <TableCell sx={numberCell}>{s.conversations}</TableCell>
            <TableCell sx={numberCell}>{s.offered}</TableCell>
            <TableCell>{s.queues}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {agents.map((a) => {
            const full = a.held >= a.capacity;
            return (
              <TableRow key={a.agent.id} hover>
                <TableCell component="th" scope="row">
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {a.agent.displayName}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {a.username}
                  </Typography>
                </TableCell>
                <TableCell>
                  <PresenceLabel presence={a.presence} />
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                    {a.connected ? (
                      <CheckCircleOutlinedIcon aria-hidden fontSize="small" color="success" />
                    ) : (
                      <RadioButtonUncheckedIcon aria-hidden fontSize="small" color="disabled" />
                    )}
                    <span>{a.connected ? s.yes : s.no}</span>
                  </Stack>
                </TableCell>
                <TableCell sx={numberCell}>
                  <Elapsed since={a.presence.since} offsetMs={offsetMs} />
                </TableCell>
                <TableCell
                  title={s.heldLabel(a.held, a.capacity)}
                  sx={{ ...numberCell, color: full ? 'error.main' : undefined, fontWeight: full ? 700 : undefined }}
                >
                  {s.held(a.held, a.capacity)}
                </TableCell>
                <TableCell sx={numberCell}>{a.offered}</TableCell>
                <TableCell>{a.queues.length ? a.queues.map((q) => q.name).join(', ') : s.noQueuesServed}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableRegion>
  );
}
