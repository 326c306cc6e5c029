import { useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Colleagues for the note field's @ suggestions; fetched when the first @ is typed. */
export const useMentionCandidates = (conversationId: string, enabled: boolean) =>
  useQuery({
    queryKey: queryKeys.conversations.mentionCandidates(conversationId),
    queryFn: ({ signal }) => callApi(staffRoutes.mentionCandidates, { params: { id: conversationId }, signal }).then((r) => r.candidates),
    enabled,
    staleTime: 60_000,
  });
