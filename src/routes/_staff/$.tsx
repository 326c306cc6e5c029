import { createFileRoute } from '@tanstack/react-router';
import { homePage } from '../../lib/home-page';
import { NotFound } from '../-components/not-found';

/**
 * Any address of the panel with no page of its own: "page not found" inside the staff frame, so
 * the header and its navigation stay. A visitor who is not logged in logs in first (the frame's
 * gate) and then sees it too.
 */
export const Route = createFileRoute('/_staff/$')({
  component: PageNotFound,
});

function PageNotFound() {
  const { user } = Route.useRouteContext();
  const { _splat: rest } = Route.useParams();
  return <NotFound path={`/${rest ?? ''}`} home={homePage(user.role)} />;
}
