import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useDropzone } from 'react-dropzone';
import { composerStrings } from '../lib/composer-strings';

/** Files dropped anywhere on the chat pane become attachments; a visible target shows while dragging.
 * Paste is left to the composer, which also knows about pasted text. */
export function ChatDropZone({ onFiles, disabled, children }: { onFiles(files: File[]): void; disabled?: boolean; children: ReactNode }) {
  const { getRootProps, isDragActive } = useDropzone({ onDrop: onFiles, noClick: true, noKeyboard: true, noPaste: true, disabled });
  return (
    // Disabled, the root props are left off: react-dropzone would mark the whole pane aria-disabled,
    // which hides every control inside it from assistive technology.
    <Box {...(disabled ? {} : getRootProps())} sx={{ position: 'relative', flex: 1, height: '100%', display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 }}>
      {children}
      {isDragActive && (
        <Box
          aria-hidden
          sx={{ position: 'absolute', inset: 8, zIndex: 5, display: 'grid', placeItems: 'center', border: 3, borderStyle: 'dashed', borderColor: 'primary.main', borderRadius: 2, bgcolor: 'rgba(19, 87, 184, 0.08)' }}
        >
          <Typography variant="h6" color="primary">
            {composerStrings.drop}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
