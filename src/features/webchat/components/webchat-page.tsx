import { Box, CircularProgress, Paper, Typography } from '@mui/material';
import { lazy, Suspense, useCallback, useState } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../contract/languages';
import { activate, activeLanguage } from '../../../lib/i18n';
import { strings } from '../../../lib/strings';
import { identityLinkFrom } from '../identity-link';
import { tokenStorage } from '../token-storage';
import { webchatLanguage } from '../webchat-language';
import { StartChatForm } from './start-chat-form';

// The conversation (thread, composer, uploads, realtime) loads once a chat exists: a visitor who
// only reads the start form downloads the form alone.
const CustomerChat = lazy(() => import('./customer-chat').then((m) => ({ default: m.CustomerChat })));

/**
 * The customer's whole page. It has no router: /webchat is its own HTML entry, so nothing of the
 * staff panel (its routes, their loaders, the router itself) is downloaded by customers.
 */
export function WebchatPage() {
  // `?queue=` preselects the queue, as the web site's link asks.
  const [queue] = useState(() => new URLSearchParams(window.location.search).get('queue') ?? undefined);
  // Read once: the link's exact characters, before anything rewrites the address.
  const [identity] = useState(() => identityLinkFrom(window.location.search));
  const [token, setToken] = useState(tokenStorage.get);
  const leave = useCallback(() => {
    tokenStorage.clear();
    setToken(null);
  }, []);

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: { xs: 0, sm: 2 } }}>
      <Paper component="main" variant="outlined" sx={{ width: '100%', maxWidth: 560, height: { xs: '100vh', sm: 'min(720px, 92vh)' }, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        <Box sx={{ px: 2, py: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText', display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="h6" component="h1" sx={{ flex: 1 }}>
            {strings.webchat.title}
          </Typography>
          <LanguageSwitcher />
        </Box>
        {token ? (
          <Box sx={{ flex: 1, minHeight: 0 }}>
            <Suspense
              fallback={
                <Box sx={{ p: 6, textAlign: 'center' }}>
                  <CircularProgress aria-label={strings.common.loading} />
                </Box>
              }
            >
              <CustomerChat token={token} onLeave={leave} />
            </Suspense>
          </Box>
        ) : (
          <Box sx={{ p: 3, overflowY: 'auto' }}>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {strings.webchat.intro}
            </Typography>
            <StartChatForm
              initialQueue={queue}
              identity={identity}
              onStarted={(r) => {
                tokenStorage.set(r.customerToken);
                setToken(r.customerToken);
              }}
            />
          </Box>
        )}
      </Paper>
    </Box>
  );
}

/** The customer's language: their browser's at first; a choice here is kept in this browser. */
function LanguageSwitcher() {
  const choose = (language: Language) => {
    webchatLanguage.set(language);
    void activate(language);
  };
  return (
    // The browser's own select, not MUI's NativeSelect: that would bring MUI's input parts into the
    // page's first load for this one control (issue 11's budget).
    <Box
      component="select"
      value={activeLanguage()}
      onChange={(e) => choose(e.target.value as Language)}
      aria-label={strings.webchat.language}
      sx={{
        color: 'inherit',
        bgcolor: 'transparent',
        border: 0,
        borderRadius: 1,
        font: 'inherit',
        fontSize: 14,
        py: 0.5,
        cursor: 'pointer',
        '&:focus-visible': { outline: '2px solid currentColor', outlineOffset: 1 },
        '& option': { color: 'text.primary', bgcolor: 'background.paper' },
        '@media (pointer: coarse)': { minHeight: 44 },
      }}
    >
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code]}
        </option>
      ))}
    </Box>
  );
}
