import type { HttpHandler } from 'msw';
import { api, type RouteName } from '../contract/api';
import { adminHandlers } from './admin-handlers';
import { coreHandlers, notFoundHandler } from './core-handlers';
import { supervisionHandlers } from './supervision-handlers';

/*
 * Every route of the contract, from the modules that answer them. Only this module joins them, so
 * the route modules import their shared plumbing (core-handlers, mock-errors, admin-records) and
 * never each other in a cycle.
 */

/** One handler per contract route: the type fails when a route has none. */
export const routeHandlers: { [R in RouteName]: HttpHandler } = { ...coreHandlers, ...supervisionHandlers(), ...adminHandlers() };

export { notFoundHandler };

/** Every contract route in the contract's order, then the not-found answer. */
export const handlers: HttpHandler[] = [...(Object.keys(api) as RouteName[]).map((name) => routeHandlers[name]), notFoundHandler];
