import { createFileRoute, Outlet, redirect, retainSearchParams, useNavigate, useParams } from '@tanstack/react-router';
import { z } from 'zod';
import { sessionQueryOptions } from '../features/auth/api/get-session';
import { ConversationSidebar } from '../features/conversations/components/conversation-sidebar';
import { SidebarViewSchema } from '../features/conversations/sidebar-view';
import { AgentLayout } from './-components/agent-layout';

export const Route = createFileRoute('/agent')({
  validateSearch: z.object({ list: SidebarViewSchema.default('picklist') }),
  search: { middlewares: [retainSearchParams(['list'])] },
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (!user) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { user };
  },
  component: AgentPanel,
});

function AgentPanel() {
  const { user } = Route.useRouteContext();
  const { list } = Route.useSearch();
  const navigate = useNavigate();
  const selectedId = useParams({ strict: false }).conversationId;
  return (
    <AgentLayout user={user}>
      <ConversationSidebar
        user={user}
        view={list}
        onViewChange={(view) => void navigate({ to: '.', search: { list: view } })}
        selectedId={selectedId}
        onOpen={(conversationId, view, section) =>
          // The open drawer section stays open from one conversation to the next.
          void navigate({ to: '/agent/conversations/$conversationId', params: { conversationId }, search: (prev) => ({ list: view, panel: section ?? ('panel' in prev ? prev.panel : undefined) }) })
        }
      />
      <Outlet />
    </AgentLayout>
  );
}
