import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { ChatPane } from '../../../features/conversations/components/chat-pane';
import { DrawerSectionSchema } from '../../../features/conversations/drawer-section';

export const Route = createFileRoute('/_staff/agent/conversations/$conversationId')({
  // The open side-drawer section is part of the address: a reload or a shared link restores it.
  validateSearch: z.object({ panel: DrawerSectionSchema.optional() }),
  component: ConversationPage,
});

function ConversationPage() {
  const { conversationId } = Route.useParams();
  const { user } = Route.useRouteContext();
  const { panel } = Route.useSearch();
  const navigate = useNavigate();
  return (
    <ChatPane
      conversationId={conversationId}
      user={user}
      section={panel}
      onSectionChange={(section) => void navigate({ to: '.', search: (prev) => ({ ...prev, panel: section }) })}
      onLeave={() => void navigate({ to: '/agent', search: { list: 'mine' } })}
    />
  );
}
