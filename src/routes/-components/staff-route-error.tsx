import { forbiddenStrings } from '../../lib/forbidden-strings';
import { ForbiddenAreaError } from './area-gate';
import { Forbidden } from './forbidden';
import { RouteError } from './route-error';

/**
 * The error component of the staff pages: the 403 page when the gate refused the user, else
 * RouteError. It renders in the refused route's place, so the panel's header (and its realtime
 * socket) stays up around it.
 */
export function StaffRouteError({ error }: { error: unknown }) {
  if (!(error instanceof ForbiddenAreaError)) return <RouteError error={error} />;
  const s = forbiddenStrings[error.area];
  return <Forbidden title={s.title} body={s.body} />;
}
