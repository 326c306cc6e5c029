import { Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import { lazy, Suspense, useRef, useState } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { strings } from '../../../lib/strings';
import { drawerStrings, panelStrings } from '../../../lib/staff-page-strings';
import type { DrawerSection } from '../drawer-section';
import type { RowAction } from './row-dialog';

// Their dialogs load when first chosen.
const RowDialog = lazy(() => import('./row-dialog').then((m) => ({ default: m.RowDialog })));

interface Props {
  anchor: HTMLElement | undefined;
  onClose(): void;
  sections: readonly DrawerSection[];
  onChoose(section: DrawerSection): void;
  /** A conversation the user holds: the menu also hands it over or ends it (each asks first, in its dialog). */
  held?: Conversation;
}

/**
 * A row's ⋮ menu: the side-drawer sections to open the conversation at, and on the user's own
 * conversations Transfer and End chat, as the chat's own menu has them. Loaded on its first
 * opening and kept mounted, so the dialog it opens outlives the menu.
 */
export function RowMenu({ anchor, onClose, sections, onChoose, held }: Props) {
  const [action, setAction] = useState<{ kind: RowAction['kind']; conversation: Conversation } | null>(null);
  // While the menu fades out after a choice it keeps its items.
  const shown = useRef(held);
  if (anchor) shown.current = held;
  const own = shown.current;
  const act = (kind: RowAction['kind']) => () => {
    if (own) setAction({ kind, conversation: own });
    onClose();
  };
  return (
    <>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={onClose}>
        {sections.map((section) => (
          <MenuItem key={section} onClick={() => onChoose(section)}>
            <ListItemText>{drawerStrings.sections[section]}</ListItemText>
          </MenuItem>
        ))}
        {own && <Divider />}
        {own && (
          <MenuItem onClick={act('transfer')}>
            <ListItemText>{strings.transfer.action}</ListItemText>
          </MenuItem>
        )}
        {own && (
          <MenuItem onClick={act('end')} sx={{ color: 'error.main' }}>
            <ListItemText>{panelStrings.endChat}</ListItemText>
          </MenuItem>
        )}
      </Menu>
      {action && (
        <Suspense fallback={null}>
          <RowDialog key={`${action.kind}:${action.conversation.id}`} kind={action.kind} conversation={action.conversation} onClose={() => setAction(null)} />
        </Suspense>
      )}
    </>
  );
}
