import { createFileRoute, Outlet, retainSearchParams, useNavigate, useParams } from '@tanstack/react-router';
import { z } from 'zod';
import { DEFAULT_CONVERSATION_SORT, ConversationSortSchema, type ConversationSort } from '../../contract/preferences';
import { ConversationSidebar } from '../../features/conversations/components/conversation-sidebar';
import { SidebarViewSchema } from '../../features/conversations/sidebar-view';
import { preferencesQueryOptions, usePreferences } from '../../features/preferences/api/get-preferences';
import { useUpdatePreferences } from '../../features/preferences/api/update-preferences';

export const Route = createFileRoute('/_staff/agent')({
  validateSearch: z.object({
    list: SidebarViewSchema.default('picklist'),
    // The Conversations order; a link with an unknown one falls back to the user's preference.
    sort: ConversationSortSchema.optional().catch(undefined),
  }),
  search: { middlewares: [retainSearchParams(['list', 'sort'])] },
  // Not awaited: the saved order usually arrives before the list it sorts.
  loader: ({ context }) => void context.queryClient.prefetchQuery(preferencesQueryOptions()),
  component: AgentPanel,
});

function AgentPanel() {
  const { user } = Route.useRouteContext();
  const { list, sort: sortInUrl } = Route.useSearch();
  const navigate = useNavigate();
  const selectedId = useParams({ strict: false }).conversationId;
  const preferences = usePreferences();
  const updatePreferences = useUpdatePreferences();
  // A link or a reload keeps its order; otherwise the order saved with the user's account.
  const sort = sortInUrl ?? preferences.data?.conversationSort ?? DEFAULT_CONVERSATION_SORT;
  const changeSort = (next: ConversationSort) => {
    void navigate({ to: '.', search: (prev) => ({ ...prev, sort: next }) });
    updatePreferences.mutate({ conversationSort: next });
  };
  return (
    <>
      <ConversationSidebar
        user={user}
        view={list}
        onViewChange={(view) => void navigate({ to: '.', search: { list: view } })}
        sort={sort}
        onSortChange={changeSort}
        selectedId={selectedId}
        onOpen={(conversationId, view, section) =>
          // The open drawer section stays open from one conversation to the next.
          void navigate({ to: '/agent/conversations/$conversationId', params: { conversationId }, search: (prev) => ({ list: view, panel: section ?? ('panel' in prev ? prev.panel : undefined) }) })
        }
      />
      <Outlet />
    </>
  );
}
