import { createFileRoute, useNavigate, type SearchSchemaInput } from '@tanstack/react-router';
import { useCannedInserts } from '../../../features/canned-responses/components/canned-inserts';
import { conversationQueryOptions } from '../../../features/conversations/api/get-conversation';
import { messagesQueryOptions } from '../../../features/conversations/api/get-messages';
import { ChatPane } from '../../../features/conversations/components/chat-pane';
import { DRAWER_CHOICES, drawerSectionsFor, type DrawerSection } from '../../../features/conversations/drawer-section';
import { optionalOneOf, positiveInt } from '../../../lib/search-params';
import { shownSection, toggleSection } from '../../../features/conversations/side-panel';
import { useSidePanelPreference } from '../../-components/use-side-panel';
import { RouteError } from '../../-components/route-error';
import { RoutePending } from '../../-components/route-pending';

export const Route = createFileRoute('/_staff/agent/conversations/$conversationId')({
  // The open side-drawer section is part of the address: a reload or a shared link restores it.
  // `message`: a search result's seq, which the thread loads, scrolls to and marks once.
  validateSearch: (search: { panel?: DrawerSection; message?: number } & SearchSchemaInput) => ({
    panel: optionalOneOf('panel', DRAWER_CHOICES, search.panel),
    message: positiveInt(search.message),
  }),
  loader: ({ context: { queryClient }, params: { conversationId } }) => {
    // The conversation and its newest messages, side by side.
    const chat = Promise.all([
      queryClient.ensureQueryData(conversationQueryOptions(conversationId)),
      queryClient.ensureInfiniteQueryData(messagesQueryOptions(conversationId)),
    ]);
    // Not awaited, so the panel's frame never waits for a chat: the chat pane's Suspense boundary
    // (new for each conversation) shows a spinner until both are in, and never the previous chat,
    // whose composer would take what the agent types meanwhile.
    void chat.catch(() => undefined);
  },
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: ConversationPage,
});

function ConversationPage() {
  const { conversationId } = Route.useParams();
  const { user } = Route.useRouteContext();
  const { panel, message } = Route.useSearch();
  const navigate = useNavigate();
  const sidePanel = useSidePanelPreference();
  const sections = drawerSectionsFor(user.role);
  const changeSection = (section: DrawerSection | undefined) => {
    sidePanel.remember(section);
    void navigate({ to: '.', search: (prev) => ({ ...prev, panel: section }) });
  };
  return (
    <ChatPane
      conversationId={conversationId}
      user={user}
      // The address's section, or on a wide screen the one the user left open (side-panel.ts).
      section={shownSection(panel, sidePanel.layout, sidePanel.preference, sections)}
      toggleSection={toggleSection(sidePanel.preference, sections)}
      onSectionChange={changeSection}
      focusSeq={message}
      // Shown: the address no longer asks for it, so choosing the same result again scrolls again.
      onFocused={() => void navigate({ to: '.', search: (prev) => ({ ...prev, message: undefined }), replace: true })}
      onLeave={() => void navigate({ to: '/agent', search: { list: 'mine' } })}
      // To the list the conversation was opened from (the agent route keeps `list` and `sort`).
      onBack={() => void navigate({ to: '/agent' })}
      // The composer's canned responses: another feature, put together here.
      useComposerInserts={useCannedInserts}
    />
  );
}
