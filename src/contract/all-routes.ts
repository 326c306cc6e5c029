import { api, type Api } from './api';
import { channelApi } from './channel-api';
import { searchApi } from './search-api';

/**
 * Every HTTP route of the API, `api`, the channels' (channel-api.ts) and the search's
 * (search-api.ts): what the OpenAPI document lists, the mocks answer and the server's tests
 * check. Browsers import the parts they call instead.
 */
export const allRoutes: Api = { ...api, ...channelApi, ...searchApi };
