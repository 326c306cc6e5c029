import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { ChatPane } from '../../features/conversations/components/chat-pane';

export const Route = createFileRoute('/agent/conversations/$conversationId')({
  component: ConversationPage,
});

function ConversationPage() {
  const { conversationId } = Route.useParams();
  const { user } = Route.useRouteContext();
  const navigate = useNavigate();
  return <ChatPane conversationId={conversationId} user={user} onEnded={() => void navigate({ to: '/agent', search: { list: 'mine' } })} />;
}
