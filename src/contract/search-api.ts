import type { RouteDef } from './route-def';
import { SearchQuerySchema, SearchResultsSchema } from './search';

/**
 * The panel's search route: apart from `api` (api.ts), as the channels' routes are, so that the
 * first load, which imports api.ts, does not carry its schemas; the results load with the first
 * search. all-routes.ts joins it.
 */
export const searchApi = {
  search: { method: 'GET', path: '/api/search', access: 'staff', query: SearchQuerySchema, response: SearchResultsSchema },
} as const satisfies Record<string, RouteDef>;
