import InsertEmoticonIcon from '@mui/icons-material/InsertEmoticon';
import { Box, CircularProgress, IconButton, Popover, Tooltip } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { loadEmoji } from '../lib/emoji';
import { strings } from '../lib/strings';
import { composerStrings } from '../lib/composer-strings';

/** Opens emoji-mart's picker; the library and its data are fetched the first time it opens. */
export function EmojiPickerButton({ onPick, disabled }: { onPick(native: string): void; disabled?: boolean }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [ready, setReady] = useState(false);
  const host = useRef<HTMLDivElement | null>(null);
  const latestOnPick = useRef(onPick);
  latestOnPick.current = onPick;

  useEffect(() => {
    if (!anchor) return;
    let picker: HTMLElement | undefined;
    let cancelled = false;
    void loadEmoji().then(({ Picker }) => {
      if (cancelled || !host.current) return;
      picker = new Picker({
        onEmojiSelect: (emoji: { native: string }) => {
          latestOnPick.current(emoji.native);
          setAnchor(null);
        },
        autoFocus: true,
        previewPosition: 'none',
        theme: 'light',
      }) as unknown as HTMLElement;
      host.current.appendChild(picker);
      setReady(true);
    });
    return () => {
      cancelled = true;
      picker?.remove();
      setReady(false);
    };
  }, [anchor]);

  return (
    <>
      <Tooltip title={composerStrings.emoji}>
        <span>
          <IconButton aria-label={composerStrings.emoji} onClick={(e) => setAnchor(e.currentTarget)} disabled={disabled}>
            <InsertEmoticonIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'top', horizontal: 'left' }}
        transformOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { 'aria-label': composerStrings.emojiPicker, role: 'dialog' } as object }}
      >
        {!ready && (
          <Box sx={{ p: 4 }}>
            <CircularProgress size={24} aria-label={strings.common.loading} />
          </Box>
        )}
        <Box ref={host} />
      </Popover>
    </>
  );
}
