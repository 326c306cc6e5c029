import { CacheProvider } from '@emotion/react';
import { CssBaseline } from '@mui/material';
import { Fragment, StrictMode, useSyncExternalStore, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppTheme } from './lib/app-theme';
import { activate, activeLanguage, browserLanguage, directionCache, isRtl, onLanguageChange, storedLanguage, type Language } from './lib/i18n';
// Touch targets and the frame's height on phones and tablets (plain CSS, no script).
import './lib/touch.css';

/**
 * The app in the active language and the chosen colours: a change of language re-renders every
 * page from the top (its sentences are read as they render), and a right-to-left one mirrors the
 * theme and the styles.
 */
function LanguageRoot({ children, followSystemColors }: { children: ReactNode; followSystemColors?: boolean }) {
  const language = useSyncExternalStore(onLanguageChange, activeLanguage);
  const cache = directionCache();
  const content = (
    <AppTheme followSystem={followSystemColors} rtl={isRtl(language)}>
      <CssBaseline />
      <Fragment key={language}>{children}</Fragment>
    </AppTheme>
  );
  return cache ? <CacheProvider value={cache}>{content}</CacheProvider> : content;
}

/**
 * Starts a browser entry (the staff panel, the web chat): renders `app` into #root with the theme,
 * in `language` (else the one this browser used last, else the browser's). The web chat follows the
 * system's colours. `app` brings its query cache: the staff panel's wraps every page, the web chat's
 * comes with the chat (its start form runs without). In `npm run dev:mock` the API is answered in
 * the page first, no server needed.
 */
export async function startApp(app: ReactNode, options: { language?: Language; followSystemColors?: boolean } = {}): Promise<void> {
  if (import.meta.env.VITE_USE_MOCKS) await (await import('./mocks/browser')).startMockWorker();
  await activate(options.language ?? storedLanguage() ?? browserLanguage());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LanguageRoot followSystemColors={options.followSystemColors}>{app}</LanguageRoot>
    </StrictMode>,
  );
}
