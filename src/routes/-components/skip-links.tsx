import { Box } from '@mui/material';
import { keyboardStrings } from '../../lib/keyboard-strings';

const linkSx = {
  position: 'absolute',
  left: 8,
  top: -100,
  zIndex: 2000,
  px: 2,
  py: 1,
  bgcolor: 'background.paper',
  color: 'primary.main',
  fontWeight: 600,
  border: 2,
  borderColor: 'primary.main',
  borderRadius: 1,
  '&:focus': { top: 8 },
} as const;

/** The first stops of the Tab key on the agent's page: straight to the lists or to the open chat, past the header. */
export function SkipLinks({ chat }: { chat: boolean }) {
  const go = (id: string) => (e: React.MouseEvent) => {
    // The router owns the address: no hash, just the focus.
    e.preventDefault();
    const target = document.getElementById(id);
    // Into the list shown: its selected row, or its first, or (when empty) its tab.
    const first =
      id === 'conversation-lists'
        ? (target?.querySelector<HTMLElement>('[data-row-button][aria-current="true"], [data-row-button].Mui-selected') ??
          target?.querySelector<HTMLElement>('[data-row-button]') ??
          target?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]'))
        : null;
    (first ?? target)?.focus();
  };
  return (
    <>
      <Box component="a" href="#conversation-lists" onClick={go('conversation-lists')} sx={linkSx}>
        {keyboardStrings.skipToList}
      </Box>
      {chat && (
        <Box component="a" href="#chat" onClick={go('chat')} sx={linkSx}>
          {keyboardStrings.skipToChat}
        </Box>
      )}
    </>
  );
}
