import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Newest first. Kept live by `note.created` events, which invalidate this query. */
export const notesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversations.notes(id),
    queryFn: ({ signal }) => callApi(staffRoutes.notes, { params: { id }, signal }).then((r) => r.notes),
  });

export const useNotes = (id: string) => useQuery(notesQueryOptions(id));
