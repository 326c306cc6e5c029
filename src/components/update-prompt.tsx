import { Button, Snackbar } from '@mui/material';
import { useState } from 'react';
import { strings } from '../lib/strings';

/**
 * Offers the new version that the service worker has ready. It stays until used: the user chooses
 * when to reload (not in the middle of a reply); left alone, the new version starts with the next
 * start of the app.
 */
export function UpdatePrompt({ onReload }: { onReload: () => void }) {
  const [reloading, setReloading] = useState(false);
  return (
    <Snackbar
      open
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      message={strings.app.updateAvailable}
      action={
        <Button
          color="inherit"
          size="small"
          loading={reloading}
          onClick={() => {
            setReloading(true);
            onReload();
          }}
        >
          {strings.app.reload}
        </Button>
      }
    />
  );
}
