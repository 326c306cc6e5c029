import { WebchatPage } from './features/webchat/components/webchat-page';
import { createQueryClient } from './lib/query-client';
import { startApp } from './start-app';

/**
 * Entry of webchat.html, the customers' page. Kept apart from main.tsx (the staff panel) so that
 * customers load only the chat; the theme, contract and shared chat components are common.
 */
void startApp(<WebchatPage />, createQueryClient());
