import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WebchatPage } from './features/webchat/components/webchat-page';
import { createQueryClient } from './lib/query-client';
import { theme } from './lib/theme';

/**
 * Entry of webchat.html, the customers' page. Kept apart from main.tsx (the staff panel) so that
 * customers load only the chat; the theme, contract and shared chat components are common.
 */
const queryClient = createQueryClient();

async function start() {
  // `npm run dev:mock`: answer the API in the browser, no server needed.
  if (import.meta.env.VITE_USE_MOCKS) await (await import('./mocks/browser')).startMockWorker();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <QueryClientProvider client={queryClient}>
          <WebchatPage />
        </QueryClientProvider>
      </ThemeProvider>
    </StrictMode>,
  );
}

void start();
