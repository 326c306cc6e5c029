import { api, type Api } from './api';
import { channelApi } from './channel-api';
import { searchApi } from './search-api';
import { promptApi } from './prompt-api';
import { adminApi } from './admin-api';
import { supervisionApi } from './supervision-api';
import { customerChatApi } from './customer-chat-api';
import { webchatApi } from './webchat-api';

/**
 * Every HTTP route of the API, `api` and the tables kept apart from it for the first loads
 * (the web chat's, channels, search, prompts, admin, supervision, the chat's end): what the OpenAPI document lists, the mocks answer and the server's tests
 * check. Browsers import the parts they call instead.
 */
export const allRoutes: Api = { ...api, ...channelApi, ...searchApi, ...promptApi, ...adminApi, ...supervisionApi, ...customerChatApi, ...webchatApi };
