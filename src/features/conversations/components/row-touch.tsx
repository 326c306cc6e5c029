import MoreHorizIcon from '@mui/icons-material/MoreHoriz';
import StopCircleOutlinedIcon from '@mui/icons-material/StopCircleOutlined';
import { Box, ButtonBase, Divider, Drawer, List, ListItemButton, ListItemText, ListSubheader } from '@mui/material';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Conversation } from '../../../contract/conversations';
import { customerLabel } from '../../../contract/list-order';
import { clampSwipe, gestureAxis, swipeRelease, type SwipeSpec } from '../../../lib/gestures';
import { phoneStrings } from '../../../lib/phone-strings';
import { strings } from '../../../lib/strings';
import { drawerStrings, panelStrings } from '../../../lib/staff-page-strings';
import type { DrawerSection } from '../drawer-section';
import { EndChatDialog } from './end-chat-dialog';
import { TransferDialog } from './transfer-dialog';

/** Each revealed action's width. */
const ACTION_PX = 88;
/** A finger held still this long on a row opens its actions, as the ⋮ button does. */
const LONG_PRESS_MS = 550;
const SNAP = 'transform 180ms ease-out';

interface Props {
  /** The list's scrolling box: the gestures are read there, for every row at once. */
  scroller: RefObject<HTMLDivElement | null>;
  conversations: Conversation[];
  /** The rows are conversations the user holds: End chat and Transfer apply, and a full swipe ends. */
  held: boolean;
  sections: readonly DrawerSection[];
  onOpen(id: string, section?: DrawerSection): void;
  /** The row whose action sheet is open (from the ⋮ button, a long press or More). */
  sheetFor: string | null;
  onSheet(id: string | null): void;
}

/**
 * The conversation list's touch actions, loaded on the first touch device use: swiping a row left
 * reveals More (and End chat on held conversations), a full swipe on a held one asks to end it,
 * a long press opens the action sheet. Everything here is also in the sheet the row's ⋮ button
 * opens, so nothing needs a swipe.
 *
 * Rows are read with pointer events on the list (not per row: rows mount and unmount as the list
 * scrolls). Rows have `touch-action: pan-y`, so vertical moves stay the browser's scrolling (it
 * cancels the pointer then) and only sideways ones reach here; the row's content moves by direct
 * style changes, without a render per move.
 */
export function RowTouch({ scroller, conversations, held, sections, onOpen, sheetFor, onSheet }: Props) {
  // The row whose actions show (dragged or open), and whether it stays open.
  const [shown, setShown] = useState<{ id: string; row: HTMLElement } | null>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [transferring, setTransferring] = useState<string | null>(null);
  // The row left open on its actions, for the gesture handlers and the actions' own taps.
  const openRow = useRef<{ id: string; front: HTMLElement } | null>(null);
  const latest = useRef({ held, onSheet, setShown, setEnding });
  latest.current = { held, onSheet, setShown, setEnding };

  useEffect(() => {
    const list = scroller.current;
    if (!list) return;
    let gesture: { id: string; pointer: number; row: HTMLElement; front: HTMLElement; x: number; y: number; from: number; axis: 'x' | 'y' | null; offset: number } | null = null;
    let pressTimer: ReturnType<typeof setTimeout> | undefined;
    // A click right after a gesture (or a tap that only closes an open row) is not a click on the row.
    let swallowClickUntil = 0;

    const spec = (row: HTMLElement): SwipeSpec => {
      const canEnd = latest.current.held;
      return { width: row.clientWidth, reveal: ACTION_PX * (canEnd ? 2 : 1), canFull: canEnd };
    };
    const move = (front: HTMLElement, offset: number, animate: boolean) => {
      front.style.transition = animate ? SNAP : 'none';
      front.style.transform = offset ? `translateX(${offset}px)` : '';
    };
    const close = () => {
      if (openRow.current) move(openRow.current.front, 0, true);
      openRow.current = null;
      latest.current.setShown(null);
    };
    const rowOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-row]') : null);

    const onDown = (e: PointerEvent) => {
      if (e.pointerType !== 'touch' || !e.isPrimary) return;
      const row = rowOf(e.target);
      const front = row?.querySelector<HTMLElement>('[data-row-front]');
      // A touch on the revealed actions is theirs.
      if (!row || !front || !front.contains(e.target as Node)) return;
      const id = row.dataset.row!;
      if (openRow.current && openRow.current.id !== id) close();
      const from = openRow.current?.id === id ? -spec(row).reveal : 0;
      gesture = { id, pointer: e.pointerId, row, front, x: e.clientX, y: e.clientY, from, axis: null, offset: from };
      clearTimeout(pressTimer);
      pressTimer = setTimeout(() => {
        if (!gesture || gesture.axis) return;
        swallowClickUntil = Date.now() + 800;
        gesture = null;
        close();
        navigator.vibrate?.(10);
        latest.current.onSheet(id);
      }, LONG_PRESS_MS);
    };
    const onMove = (e: PointerEvent) => {
      if (!gesture || e.pointerId !== gesture.pointer) return;
      const dx = e.clientX - gesture.x;
      if (!gesture.axis) {
        gesture.axis = gestureAxis(dx, e.clientY - gesture.y);
        if (!gesture.axis) return;
        clearTimeout(pressTimer);
        if (gesture.axis === 'y') {
          gesture = null;
          return;
        }
        gesture.front.setPointerCapture(e.pointerId);
        latest.current.setShown({ id: gesture.id, row: gesture.row });
      }
      gesture.offset = clampSwipe(gesture.from + dx, spec(gesture.row));
      move(gesture.front, gesture.offset, false);
    };
    const onUp = (e: PointerEvent) => {
      clearTimeout(pressTimer);
      if (!gesture || e.pointerId !== gesture.pointer) return;
      const g = gesture;
      gesture = null;
      if (g.axis !== 'x') return;
      swallowClickUntil = Date.now() + 400;
      const s = spec(g.row);
      const outcome = swipeRelease(g.offset, s);
      if (outcome === 'full') {
        // The row slides out, then the confirmation asks; it comes back whatever the answer.
        move(g.front, -s.width, true);
        openRow.current = { id: g.id, front: g.front };
        setTimeout(() => {
          close();
          latest.current.setEnding(g.id);
        }, 180);
      } else if (outcome === 'open') {
        move(g.front, -s.reveal, true);
        openRow.current = { id: g.id, front: g.front };
      } else {
        move(g.front, 0, true);
        if (openRow.current?.id === g.id) openRow.current = null;
        latest.current.setShown(null);
      }
    };
    const onCancel = (e: PointerEvent) => {
      clearTimeout(pressTimer);
      if (!gesture || e.pointerId !== gesture.pointer) return;
      // The browser took the touch for scrolling: the row goes back to where it was.
      move(gesture.front, gesture.from, true);
      if (!gesture.from) latest.current.setShown(null);
      gesture = null;
    };
    const onClick = (e: MouseEvent) => {
      // The revealed actions are there to be tapped, however soon.
      if (e.target instanceof Element && e.target.closest('[data-row-actions]')) return;
      if (Date.now() < swallowClickUntil || openRow.current) {
        e.preventDefault();
        e.stopPropagation();
        if (Date.now() >= swallowClickUntil) close();
      }
    };
    // The browser's own long-press menu would cover the action sheet.
    const onContextMenu = (e: Event) => {
      if (rowOf(e.target)) e.preventDefault();
    };
    const onScroll = () => openRow.current && close();

    list.addEventListener('pointerdown', onDown);
    list.addEventListener('pointermove', onMove);
    list.addEventListener('pointerup', onUp);
    list.addEventListener('pointercancel', onCancel);
    list.addEventListener('click', onClick, true);
    list.addEventListener('contextmenu', onContextMenu);
    list.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(pressTimer);
      list.removeEventListener('pointerdown', onDown);
      list.removeEventListener('pointermove', onMove);
      list.removeEventListener('pointerup', onUp);
      list.removeEventListener('pointercancel', onCancel);
      list.removeEventListener('click', onClick, true);
      list.removeEventListener('contextmenu', onContextMenu);
      list.removeEventListener('scroll', onScroll);
    };
  }, [scroller]);

  const byId = (id: string | null) => (id ? conversations.find((c) => c.id === id) : undefined);
  const shownConversation = byId(shown?.id ?? null);
  const sheetConversation = byId(sheetFor);
  const endingConversation = byId(ending);
  const transferConversation = byId(transferring);
  const closeRow = () => {
    openRow.current = null;
    const front = shown?.row.querySelector<HTMLElement>('[data-row-front]');
    if (front) {
      front.style.transition = SNAP;
      front.style.transform = '';
    }
    setShown(null);
  };

  return (
    <>
      {/* The revealed actions live in the row (still in the DOM while shown), under its sliding content. */}
      {shown &&
        shownConversation &&
        shown.row.isConnected &&
        createPortal(
          <Box data-row-actions sx={{ position: 'absolute', top: 0, right: 0, bottom: 0, display: 'flex', zIndex: 0 }}>
            <SwipeAction
              label={phoneStrings.swipeMore}
              icon={<MoreHorizIcon />}
              color="grey.700"
              onClick={() => {
                closeRow();
                onSheet(shown.id);
              }}
            />
            {held && (
              <SwipeAction
                label={phoneStrings.swipeEnd}
                icon={<StopCircleOutlinedIcon />}
                color="error.main"
                onClick={() => {
                  closeRow();
                  setEnding(shown.id);
                }}
              />
            )}
          </Box>,
          shown.row,
        )}
      <Drawer
        anchor="bottom"
        open={Boolean(sheetConversation)}
        onClose={() => onSheet(null)}
        slotProps={{
          paper: {
            role: 'dialog',
            'aria-label': sheetConversation ? phoneStrings.rowActions(sheetConversation.customer.name) : undefined,
            sx: { borderTopLeftRadius: 12, borderTopRightRadius: 12, pb: 'env(safe-area-inset-bottom)', maxHeight: '80%' },
          },
        }}
      >
        {sheetConversation && (
          <List component="div" subheader={<ListSubheader component="div" sx={{ lineHeight: '44px', fontWeight: 600 }}>{customerLabel(sheetConversation)}</ListSubheader>}>
            {sections.map((section) => (
              <ListItemButton
                key={section}
                onClick={() => {
                  onSheet(null);
                  onOpen(sheetConversation.id, section);
                }}
              >
                <ListItemText>{drawerStrings.sections[section]}</ListItemText>
              </ListItemButton>
            ))}
            {held && <Divider />}
            {held && (
              <ListItemButton
                onClick={() => {
                  onSheet(null);
                  setTransferring(sheetConversation.id);
                }}
              >
                <ListItemText>{strings.transfer.action}</ListItemText>
              </ListItemButton>
            )}
            {held && (
              <ListItemButton
                sx={{ color: 'error.main' }}
                onClick={() => {
                  onSheet(null);
                  setEnding(sheetConversation.id);
                }}
              >
                <ListItemText>{panelStrings.endChat}</ListItemText>
              </ListItemButton>
            )}
          </List>
        )}
      </Drawer>
      {/* Ending it removes the row: the list follows the server's event. */}
      {endingConversation && (
        <EndChatDialog key={endingConversation.id} conversation={endingConversation} open onClose={() => setEnding(null)} onEnded={() => setEnding(null)} />
      )}
      {transferConversation && (
        <TransferDialog conversation={transferConversation} onClose={() => setTransferring(null)} onTransferred={() => setTransferring(null)} />
      )}
    </>
  );
}

function SwipeAction({ label, icon, color, onClick }: { label: string; icon: ReactNode; color: string; onClick(): void }) {
  return (
    <ButtonBase
      onClick={onClick}
      sx={{ width: ACTION_PX, height: '100%', flexDirection: 'column', gap: 0.5, bgcolor: color, color: 'common.white', fontSize: 13, fontWeight: 600 }}
    >
      {icon}
      {label}
    </ButtonBase>
  );
}

