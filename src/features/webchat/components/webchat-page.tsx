import { Box, CircularProgress, Paper, Typography } from '@mui/material';
import { lazy, Suspense, useCallback, useState } from 'react';
import { strings } from '../../../lib/strings';
import { identityLinkFrom } from '../identity-link';
import { tokenStorage } from '../token-storage';
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
        <Box sx={{ px: 2, py: 1.5, bgcolor: 'primary.main', color: 'primary.contrastText' }}>
          <Typography variant="h6" component="h1">
            {strings.webchat.title}
          </Typography>
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
