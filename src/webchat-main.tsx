import { WebchatPage } from './features/webchat/components/webchat-page';
import { startApp } from './start-app';
import { webchatLanguage } from './features/webchat/webchat-language';

/**
 * Entry of webchat.html, the customers' page. Kept apart from main.tsx (the staff panel) so that
 * customers load only the chat; the theme, contract and shared chat components are common. It speaks
 * the customer's browser language, or the one they chose in its menu. The query cache comes with the
 * chat (customer-chat.tsx): the start form runs without it.
 */
void startApp(<WebchatPage />, { language: webchatLanguage.get(), followSystemColors: true });
