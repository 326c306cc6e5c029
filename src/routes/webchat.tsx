import { Box, Paper, Typography } from '@mui/material';
import { createFileRoute } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { z } from 'zod';
import { CustomerChat } from '../features/webchat/components/customer-chat';
import { StartChatForm } from '../features/webchat/components/start-chat-form';
import { identityLinkFrom } from '../features/webchat/identity-link';
import { tokenStorage } from '../features/webchat/token-storage';
import { strings } from '../lib/strings';

export const Route = createFileRoute('/webchat')({
  validateSearch: z.object({ queue: z.string().optional() }),
  component: WebchatPage,
});

function WebchatPage() {
  const { queue } = Route.useSearch();
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
            <CustomerChat token={token} onLeave={leave} />
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
