import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { allRoutes } from '../contract/all-routes';
import { adminHandlers } from './admin-handlers';
import { attachmentHandlers } from './attachment-handlers';
import { authHandlers } from './auth-handlers';
import { cannedHandlers } from './canned-handlers';
import { channelHandlers } from './channel-handlers';
import { conversationHandlers } from './conversation-handlers';
import { deviceHandlers } from './device-handlers';
import { draftHandlers } from './draft-handlers';
import { historyHandlers } from './history-handlers';
import { messageHandlers } from './message-handlers';
import { noteHandlers } from './note-handlers';
import { preferenceHandlers } from './preference-handlers';
import { promptHandlers } from './prompt-handlers';
import { presenceHandlers } from './presence-handlers';
import { notFoundHandler } from './route';
import { searchHandlers } from './search-handlers';
import { settingsHandlers } from './settings-handlers';
import { supervisionHandlers } from './supervision-handlers';
import { transferHandlers } from './transfer-handlers';
import { webchatHandlers } from './webchat-handlers';
import { wrapUpHandlers } from './wrap-up-handlers';
import { endingHandlers } from './ending-handlers';

/*
 * Every route of the contract, from the per-resource modules that answer them. Only this module
 * joins them: the resource modules import the shared plumbing (route, sessions, access, routing,
 * data) and at most a resource module they build on (the web chat writes through the message
 * module), never this one, so there is no import cycle.
 */

/** One handler per contract route: the type fails when a route has none. */
export const routeHandlers: { [R in RouteName]: HttpHandler } = {
  ...authHandlers,
  ...presenceHandlers,
  ...preferenceHandlers,
  ...deviceHandlers,
  ...conversationHandlers,
  ...messageHandlers,
  ...noteHandlers,
  ...draftHandlers,
  ...historyHandlers,
  ...searchHandlers,
  ...transferHandlers,
  ...webchatHandlers,
  ...settingsHandlers,
  ...attachmentHandlers,
  ...cannedHandlers,
  ...supervisionHandlers,
  ...adminHandlers,
  ...promptHandlers,
  ...wrapUpHandlers,
  ...channelHandlers,
  ...endingHandlers,
};

export { notFoundHandler };

/** Every contract route in the contract's order, then the not-found answer. */
export const handlers: HttpHandler[] = [...(Object.keys(allRoutes) as RouteName[]).map((name) => routeHandlers[name]), notFoundHandler];
