import type { User } from '../../contract/auth';
import { mayEnter, type Area } from '../../contract/roles';

/**
 * Thrown by a route's gate when the user's role may not enter its area; StaffRouteError shows it
 * as a 403 page. It lives apart from that page: a beforeLoad always ships with its route's
 * definition, and the 403 page's strings should not.
 */
export class ForbiddenAreaError extends Error {
  constructor(readonly area: Area) {
    super(`Your role may not open the ${area} pages.`);
    this.name = 'ForbiddenAreaError';
  }
}

/**
 * The one role check of the panel, as a route's `beforeLoad`: the area's route and every page
 * under it open only for the roles the contract allows (AREA_ROLES). It runs before any loader,
 * so a refused user never asks the API for the area's data. Logged-out users never get here:
 * the `_staff` layout sends them to /login first.
 */
export const areaGate =
  (area: Area) =>
  ({ context }: { context: { user: User } }): void => {
    if (!mayEnter(context.user.role, area)) throw new ForbiddenAreaError(area);
  };
