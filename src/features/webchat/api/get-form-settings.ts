import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';
import { callWebchat } from './call';

/** Whether the start form must ask for an email (the admin's setting); on its own, so the form's first load stays small. */
export const formSettingsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.webchat.formSettings(), queryFn: ({ signal }) => callWebchat('webchatFormSettings', { signal }) });

export const useFormSettings = () => useQuery(formSettingsQueryOptions());
