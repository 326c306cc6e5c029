import CircleIcon from '@mui/icons-material/Circle';
import { createContext, useContext } from 'react';
import type { ConnectionStatus } from '../lib/realtime';
import { Tag } from './tag';
import { strings } from '../lib/strings';

export const ConnectionStatusContext = createContext<ConnectionStatus>('connecting');
export const useConnectionStatus = () => useContext(ConnectionStatusContext);

const colors = { online: 'success', connecting: 'warning', offline: 'error' } as const;

export function ConnectionStatusChip({ status }: { status: ConnectionStatus }) {
  return (
    <Tag
      role="status"
      aria-label={strings.connection.label(strings.connection[status])}
      icon={<CircleIcon color={colors[status]} sx={{ fontSize: 10 }} />}
      label={strings.connection[status]}
    />
  );
}
