import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { queueDashboardQueryOptions } from '../../features/supervision/api/get-queue-dashboard';
import { SupervisorPage } from '../../features/supervision/components/supervisor-page';
import { SupervisorTabSchema } from '../../features/supervision/supervisor-tab';
import { supervisorStrings } from '../../lib/staff-page-strings';
import { Forbidden } from '../-components/forbidden';

export const Route = createFileRoute('/_staff/supervisor')({
  // The open view and the queue filter are part of the address: a reload or a shared link keeps them.
  validateSearch: z.object({
    tab: SupervisorTabSchema.default('queues').catch('queues'),
    queue: z.string().optional().catch(undefined),
  }),
  // Not awaited: the page shows its own loading and error states inside the frame.
  loader: ({ context }) => {
    if (context.user.role !== 'agent') void context.queryClient.prefetchQuery(queueDashboardQueryOptions());
  },
  component: Supervisor,
});

function Supervisor() {
  const { user } = Route.useRouteContext();
  const { tab, queue } = Route.useSearch();
  const navigate = useNavigate();
  return user.role === 'agent' ? (
    <Forbidden title={supervisorStrings.forbiddenTitle} body={supervisorStrings.forbiddenBody} />
  ) : (
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
