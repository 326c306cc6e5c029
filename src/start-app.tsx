import { CssBaseline, ThemeProvider } from '@mui/material';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { theme } from './lib/theme';
// Touch targets and the frame's height on phones and tablets (plain CSS, no script).
import './lib/touch.css';

/**
 * Starts a browser entry (the staff panel, the web chat): renders `app` into #root with the theme
 * and the query cache. In `npm run dev:mock` the API is answered in the page first, no server needed.
 */
export async function startApp(app: ReactNode, queryClient: QueryClient): Promise<void> {
  if (import.meta.env.VITE_USE_MOCKS) await (await import('./mocks/browser')).startMockWorker();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <QueryClientProvider client={queryClient}>{app}</QueryClientProvider>
      </ThemeProvider>
    </StrictMode>,
  );
}
