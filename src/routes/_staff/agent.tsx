import { createFileRoute, Outlet, retainSearchParams, useNavigate, useParams, useRouter, type SearchSchemaInput } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useState } from 'react';
import { DEFAULT_CONVERSATION_SORT } from '../../contract/limits';
import { CONVERSATION_SORTS, type ConversationSort } from '../../contract/preference-choices';
import { conversationPagesQueryOptions } from '../../features/conversations/api/get-conversations';
import { ConversationSidebar } from '../../features/conversations/components/conversation-sidebar';
import { SIDEBAR_VIEWS, type SidebarView } from '../../features/conversations/sidebar-view';
import { preferencesQueryOptions, usePreferences } from '../../features/preferences/api/get-preferences';
import { useUpdatePreferences } from '../../features/preferences/api/update-preferences';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';
import { useSidePanelPreference } from '../-components/use-side-panel';
import { useCommand, useShortcutKeys } from '../../hooks/use-shortcuts';
import { oneOf, optionalOneOf } from '../../lib/search-params';

// The ? overlay: loaded the first time it is asked for.
const ShortcutHelp = lazy(() => import('../../features/conversations/components/shortcut-help'));

export const Route = createFileRoute('/_staff/agent')({
  validateSearch: (search: { list?: SidebarView; sort?: ConversationSort } & SearchSchemaInput) => ({
    list: optionalOneOf('list', SIDEBAR_VIEWS, search.list) ?? 'picklist',
    // The Conversations order; a link with an unknown one falls back to the user's preference.
    sort: oneOf(CONVERSATION_SORTS, search.sort),
  }),
  search: { middlewares: [retainSearchParams(['list', 'sort'])] },
  loaderDeps: ({ search: { list, sort } }) => ({ list, sort }),
  loader: ({ context: { queryClient }, deps: { list, sort } }) => {
    // The header's notifications and the Conversations order read the preferences; the Picklist does not wait for them.
    const preferences = () => queryClient.ensureQueryData(preferencesQueryOptions());
    void queryClient.prefetchQuery(preferencesQueryOptions());
    const shownList =
      list === 'picklist'
        ? queryClient.ensureInfiniteQueryData(conversationPagesQueryOptions('picklist'))
        : list === 'mine'
          ? (sort ? Promise.resolve(sort) : preferences().then((p) => p.conversationSort)).then((order) =>
              queryClient.ensureInfiniteQueryData(conversationPagesQueryOptions('mine', order)),
            )
          : undefined;
    // Started here, not awaited: the frame (header, realtime socket) paints right after the
    // session, and the list shows as soon as its page is in (the sidebar's own Suspense boundary).
    // Switching lists or orders keeps the rows shown until the next ones are in (it defers them).
    // A failure reaches the route's error component through the list's suspended query.
    void shownList?.catch(() => undefined);
  },
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: AgentPanel,
});

function AgentPanel() {
  const { user } = Route.useRouteContext();
  const { list, sort: sortInUrl } = Route.useSearch();
  const navigate = useNavigate();
  const router = useRouter();
  // The conversation page's code loads while the agent reads the list: opening one then waits for
  // its data only. Not sooner: its thirty-odd modules would compete with the list's first paint.
  const loadConversationPage = useCallback(() => void router.loadRouteChunk(router.routesById['/_staff/agent/conversations/$conversationId']), [router]);
  const selectedId = useParams({ strict: false }).conversationId;
  const preferences = usePreferences();
  const updatePreferences = useUpdatePreferences();
  // A link or a reload keeps its order; otherwise the order saved with the user's account.
  const sort = sortInUrl ?? preferences.data?.conversationSort ?? DEFAULT_CONVERSATION_SORT;
  const changeSort = (next: ConversationSort) => {
    void navigate({ to: '.', search: (prev) => ({ ...prev, sort: next }) });
    updatePreferences.mutate({ conversationSort: next });
  };
  // A phone shows one pane: the list, or the open conversation over it. The list stays mounted
  // (hidden), so going back finds it where it was scrolled to.
  const { layout, remember: rememberSidePanel } = useSidePanelPreference();
  const phone = layout === 'phone';
  const listHidden = phone && selectedId !== undefined;
  // The keyboard shortcuts (lib/shortcuts.ts), unless the user switched them off.
  useShortcutKeys(preferences.data?.keyboardShortcuts ?? true);
  const [help, setHelp] = useState<'never' | 'open' | 'closed'>('never');
  useCommand('help', () => setHelp('open'));
  useCommand('picklist', () => void navigate({ to: '.', search: { list: 'picklist' } }));
  useCommand('mine', () => void navigate({ to: '.', search: { list: 'mine' } }));
  useCommand('history', () => void navigate({ to: '.', search: { list: 'history' } }));
  return (
    <>
      {help !== 'never' && (
        <Suspense fallback={null}>
          <ShortcutHelp open={help === 'open'} onClose={() => setHelp('closed')} />
        </Suspense>
      )}
      <ConversationSidebar
        layout={layout}
        hidden={listHidden}
        onShown={loadConversationPage}
        user={user}
        view={list}
        onViewChange={(view) => void navigate({ to: '.', search: { list: view } })}
        sort={sort}
        onSortChange={changeSort}
        selectedId={selectedId}
        onOpen={(conversationId, view, section) => {
          // A section chosen in a row's menu is remembered like one chosen in the panel.
          if (section) rememberSidePanel(section);
          // The open drawer section stays open from one conversation to the next.
          void navigate({ to: '/agent/conversations/$conversationId', params: { conversationId }, search: (prev) => ({ list: view, panel: section ?? ('panel' in prev ? prev.panel : undefined) }) });
        }}
        // A search result's message: the thread opens scrolled to it.
        onOpenMessage={(conversationId, seq) =>
          void navigate({ to: '/agent/conversations/$conversationId', params: { conversationId }, search: (prev) => ({ list: prev.list, message: seq }) })
        }
      />
      {(!phone || selectedId !== undefined) && <Outlet />}
    </>
  );
}
