import { useRequest } from '../../../hooks/use-request';
import { callWebchat } from './call';

const loadQueues = (signal: AbortSignal) => callWebchat('webchatQueues', { signal }).then((r) => r.queues);

/** The queues a customer may start a chat in, with whether each is open or full now. */
export const useWebchatQueues = () => useRequest(loadQueues);
