import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Satisfaction per queue and per agent, since `today` and over the last 7 days (supervisors and admins). */
export const ratingStatsQueryOptions = (today: string) =>
  queryOptions({ queryKey: queryKeys.supervision.ratings(today), queryFn: ({ signal }) => callApi(staffRoutes.ratingStats, { query: { today }, signal }) });

export const useRatingStats = (today: string) => useQuery({ ...ratingStatsQueryOptions(today), placeholderData: keepPreviousData });
