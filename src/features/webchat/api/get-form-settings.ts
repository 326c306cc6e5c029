import { useRequest } from '../../../hooks/use-request';
import { callWebchat } from './call';

const loadFormSettings = (signal: AbortSignal) => callWebchat('webchatFormSettings', { signal });

/** Whether the start form must ask for an email (the admin's setting). */
export const useFormSettings = () => useRequest(loadFormSettings);
