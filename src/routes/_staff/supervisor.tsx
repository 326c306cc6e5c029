import { createFileRoute, useNavigate, type SearchSchemaInput } from '@tanstack/react-router';
import { agentStatusesQueryOptions } from '../../features/supervision/api/get-agent-statuses';
import { openConversationsQueryOptions, queueFilter } from '../../features/supervision/api/get-open-conversations';
import { queueDashboardQueryOptions } from '../../features/supervision/api/get-queue-dashboard';
import { SupervisorPage } from '../../features/supervision/components/supervisor-page';
import { SUPERVISOR_TABS, type SupervisorTab } from '../../features/supervision/supervisor-tab';
import { oneOf, stringOr } from '../../lib/search-params';
import { areaGate } from '../-components/area-gate';
import { StaffRouteError } from '../-components/staff-route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/supervisor')({
  // The open view and the queue filter are part of the address: a reload or a shared link keeps them.
  validateSearch: (search: { tab?: SupervisorTab; queue?: string } & SearchSchemaInput) => ({
    tab: oneOf(SUPERVISOR_TABS, search.tab) ?? 'queues',
    queue: stringOr(search.queue),
  }),
  beforeLoad: areaGate('supervision'),
  loaderDeps: ({ search }) => search,
  // What the open view shows first; the other views load when opened.
  loader: async ({ context: { queryClient }, deps: { tab, queue } }) => {
    if (tab === 'agents') return void (await queryClient.ensureQueryData(agentStatusesQueryOptions()));
    // The Conversations view names the queues in its filter, and needs them to know the filter.
    const dashboard = await queryClient.ensureQueryData(queueDashboardQueryOptions());
    if (tab === 'conversations') await queryClient.ensureInfiniteQueryData(openConversationsQueryOptions(queueFilter(dashboard, queue)));
  },
  pendingComponent: RoutePending,
  errorComponent: StaffRouteError,
  component: Supervisor,
});

function Supervisor() {
  const { tab, queue } = Route.useSearch();
  const navigate = useNavigate();
  return (
    <SupervisorPage
      tab={tab}
      onTabChange={(next) => void navigate({ to: '.', search: (prev) => ({ ...prev, tab: next }) })}
      queueId={queue}
      onQueueChange={(next) => void navigate({ to: '.', search: (prev) => ({ ...prev, queue: next }) })}
      onShowQueue={(queueId) => void navigate({ to: '.', search: { tab: 'conversations', queue: queueId } })}
      onOpenConversation={(conversationId) =>
        void navigate({ to: '/agent/conversations/$conversationId', params: { conversationId }, search: { list: 'picklist' } })
      }
    />
  );
}
