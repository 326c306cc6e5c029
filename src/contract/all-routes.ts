import { api, type Api } from './api';
import { channelApi } from './channel-api';

/**
 * Every HTTP route of the API, `api` and the channels' (channel-api.ts): what the OpenAPI document
 * lists, the mocks answer and the server's tests check. Browsers import the parts they call instead.
 */
export const allRoutes: Api = { ...api, ...channelApi };
