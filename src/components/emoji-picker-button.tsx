import InsertEmoticonIcon from '@mui/icons-material/InsertEmoticon';
import { Box, CircularProgress, IconButton, Popover, Tooltip } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
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
  // The picker's own light or dark look, as the panel's.
  const { colorScheme } = useColorScheme();
  const dark = colorScheme === 'dark';

  useEffect(() => {
    if (!anchor) return;
    let picker: HTMLElement | undefined;
    let cancelled = false;
    let stopRepair = () => {};
    void loadEmoji().then(({ Picker }) => {
      if (cancelled || !host.current) return;
      picker = new Picker({
        onEmojiSelect: (emoji: { native: string }) => {
          latestOnPick.current(emoji.native);
          setAnchor(null);
        },
        autoFocus: true,
        previewPosition: 'none',
        theme: dark ? 'dark' : 'light',
      }) as unknown as HTMLElement;
      host.current.appendChild(picker);
      stopRepair = repairPickerAria(picker);
      setReady(true);
    });
    return () => {
      cancelled = true;
      stopRepair();
      picker?.remove();
      setReady(false);
    };
  }, [anchor, dark]);

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

/**
 * emoji-mart marks its buttons with aria-posinset and aria-setsize, which a button may not carry
 * (a critical finding for axe and confusing for screen readers), and its scrolling grid cannot be
 * reached by the keyboard. Inside its shadow root, kept right as it re-renders (search, scrolling).
 */
function repairPickerAria(picker: HTMLElement): () => void {
  let observer: MutationObserver | undefined;
  let frame = 0;
  const repair = (root: ShadowRoot) => {
    for (const el of root.querySelectorAll('button[aria-posinset], button[aria-setsize], button[aria-selected]')) {
      el.removeAttribute('aria-posinset');
      el.removeAttribute('aria-setsize');
      // A category's "selected" state, as a toggle button says it.
      const selected = el.getAttribute('aria-selected');
      if (selected !== null) {
        el.setAttribute('aria-pressed', selected);
        el.removeAttribute('aria-selected');
      }
    }
    const scroll = root.querySelector('.scroll');
    if (scroll && !scroll.hasAttribute('tabindex')) scroll.setAttribute('tabindex', '0');
  };
  const attach = () => {
    const root = picker.shadowRoot;
    if (!root) {
      frame = requestAnimationFrame(attach);
      return;
    }
    repair(root);
    observer = new MutationObserver(() => repair(root));
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-posinset', 'aria-setsize', 'aria-selected', 'tabindex'] });
  };
  attach();
  return () => {
    cancelAnimationFrame(frame);
    observer?.disconnect();
  };
}
