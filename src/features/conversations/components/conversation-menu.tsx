import MoreVertIcon from '@mui/icons-material/MoreVert';
import { Divider, IconButton, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { strings } from '../../../lib/strings';
import { oversightStrings } from '../../../lib/oversight-strings';
import { drawerStrings, panelStrings } from '../../../lib/staff-page-strings';
import { DRAWER_SECTIONS, type DrawerSection } from '../drawer-section';

interface Props {
  label: string;
  onOpenSection(section: DrawerSection): void;
  /** Present only when the user holds the conversation. */
  onTransfer?: () => void;
  onEnd?: () => void;
  /** Supervisors and admins: move the conversation elsewhere. */
  onReassign?: () => void;
  /** The drawer sections offered (supervisors and admins also get the audit trail). */
  sections?: readonly DrawerSection[];
  size?: 'small' | 'medium';
}

/** The three-dots action menu of a conversation, in the chat header and on list rows. */
export function ConversationMenu({ label, onOpenSection, onTransfer, onEnd, onReassign, sections = DRAWER_SECTIONS, size }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const run = (action: () => void) => () => {
    setAnchor(null);
    action();
  };
  return (
    <>
      <Tooltip title={label}>
        <IconButton aria-label={label} aria-haspopup="menu" size={size} onClick={(e) => setAnchor(e.currentTarget)}>
          <MoreVertIcon fontSize={size} />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {sections.map((section) => (
          <MenuItem key={section} onClick={run(() => onOpenSection(section))}>
            <ListItemText>{drawerStrings.sections[section]}</ListItemText>
          </MenuItem>
        ))}
        {(onTransfer || onEnd || onReassign) && <Divider />}
        {onTransfer && (
          <MenuItem onClick={run(onTransfer)}>
            <ListItemText>{strings.transfer.action}</ListItemText>
          </MenuItem>
        )}
        {onReassign && (
          <MenuItem onClick={run(onReassign)}>
            <ListItemText>{oversightStrings.reassign.action}</ListItemText>
          </MenuItem>
        )}
        {onEnd && (
          <MenuItem onClick={run(onEnd)} sx={{ color: 'error.main' }}>
            <ListItemText>{panelStrings.endChat}</ListItemText>
          </MenuItem>
        )}
      </Menu>
    </>
  );
}
