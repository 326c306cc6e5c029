import CloseIcon from '@mui/icons-material/Close';
import { Box, IconButton, Stack, Tab, Tabs, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import type { Conversation } from '../../../../contract/conversations';
import { noteStrings } from '../../../../lib/note-strings';
import { drawerContentStrings } from '../../../../lib/drawer-strings';
import { drawerStrings } from '../../../../lib/staff-page-strings';
import { useNotes } from '../../api/get-notes';
import { DRAWER_SECTIONS, type DrawerSection } from '../../drawer-section';
import { takeFocusIntent } from '../../../../lib/shortcuts';
import { AuditTrailSection } from './audit-trail-section';
import { ConversationDetailsSection } from './conversation-details-section';
import { CustomerDetailsSection } from './customer-details-section';
import { HistorySection } from './history-section';
import { NotesSection } from './notes-section';

const SHORT_LABELS: Record<DrawerSection, string> = { customer: 'Customer', details: 'Details', history: 'History', notes: 'Notes', audit: 'Audit' };

interface Props {
  /** For the header toggle's aria-controls. */
  id?: string;
  conversation: Conversation;
  section: DrawerSection;
  onSectionChange(section: DrawerSection): void;
  onClose(): void;
  /** The sections this user may open (supervisors and admins also get the audit trail). */
  sections?: readonly DrawerSection[];
  /** Beside the chat (desktop), over its right side (tablet), or over the whole screen (phone). */
  placement?: 'side' | 'over' | 'screen';
  /** Changes each time a section is asked for by the menu or a shortcut, the one shown included. */
  sectionAsked?: number;
}

const PLACEMENT_SX = {
  side: { width: 380, flexShrink: 0, borderLeft: 1, borderColor: 'divider' },
  over: { position: 'absolute', top: 0, right: 0, bottom: 0, zIndex: 'appBar', width: 'min(380px, 100%)', borderLeft: 1, borderColor: 'divider', boxShadow: 8 },
  // A sheet over everything, the phone's header and bottom navigation included.
  screen: { position: 'fixed', inset: 0, zIndex: 'modal', pt: 'env(safe-area-inset-top)', pb: 'env(safe-area-inset-bottom)' },
} as const;

/** How long a section opened by the keyboard keeps the focus it was given (see below). */
const SECTION_FOCUS_MS = 5000;
let sectionFocusUntil = 0;

/** The side drawer beside the chat pane: one section at a time, each loading its own data. */
export function ConversationDrawer({ id, conversation, section, sectionAsked, onSectionChange, onClose, sections = DRAWER_SECTIONS, placement = 'side' }: Props) {
  const title = drawerStrings.sections[section];
  // The Notes tab counts them, live: the same cache the thread and note.created events keep.
  const noteCount = useNotes(conversation.id).data?.length ?? 0;
  // Over the chat or the whole screen it covers what had the focus: the focus moves into it.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (placement !== 'side') panel.current?.focus();
  }, [placement]);
  // A section opened from the chat's menu or a shortcut takes the keyboard: its first field (the
  // note's, say) once it has loaded, or the section itself. For a few seconds the focus is put back
  // there if it falls to the page (the section re-rendered while its data or the remembered
  // side-panel state arrived), never taken from where the user moved it.
  const sectionPanel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocusIntent('section')) sectionFocusUntil = performance.now() + SECTION_FOCUS_MS;
    if (performance.now() > sectionFocusUntil) return;
    let frame = 0;
    let placed = false;
    const focus = () => {
      const field = sectionPanel.current?.querySelector<HTMLElement>('textarea:not([aria-hidden="true"]), input:not([type="hidden"])');
      const lost = !document.activeElement || document.activeElement === document.body;
      if (field && (!placed || lost)) {
        field.focus();
        placed = true;
      }
      if (performance.now() < sectionFocusUntil) frame = requestAnimationFrame(focus);
      else if (!placed) sectionPanel.current?.focus();
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, [section, sectionAsked]);
  return (
    <Box
      ref={panel}
      id={id}
      tabIndex={-1}
      component="aside"
      aria-label={drawerContentStrings.label}
      sx={{ ...PLACEMENT_SX[placement], bgcolor: 'background.paper', display: 'flex', flexDirection: 'column', minHeight: 0, outline: 'none' }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', pl: 2, pr: 1, pt: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ flex: 1, fontWeight: 600 }}>
          {title}
        </Typography>
        <Tooltip title={drawerContentStrings.close}>
          <IconButton aria-label={drawerContentStrings.close} onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Tooltip>
      </Stack>
      <Tabs value={section} onChange={(_, v: DrawerSection) => onSectionChange(v)} variant="fullWidth" aria-label={drawerContentStrings.label}>
        {sections.map((s) => (
          <Tab
            key={s}
            value={s}
            label={s === 'notes' ? noteStrings.tab(noteCount) : SHORT_LABELS[s]}
            aria-label={s === 'notes' ? noteStrings.tabLabel(noteCount) : drawerStrings.sections[s]}
            sx={{ minWidth: 0, px: 1 }}
          />
        ))}
      </Tabs>
      <Box ref={sectionPanel} tabIndex={-1} role="tabpanel" aria-label={title} sx={{ p: 2, overflowY: 'auto', flex: 1 }}>
        {section === 'customer' && <CustomerDetailsSection conversation={conversation} />}
        {section === 'details' && <ConversationDetailsSection conversation={conversation} />}
        {section === 'history' && <HistorySection key={conversation.id} conversation={conversation} />}
        {section === 'notes' && <NotesSection key={conversation.id} conversation={conversation} />}
        {section === 'audit' && <AuditTrailSection key={conversation.id} conversation={conversation} />}
      </Box>
    </Box>
  );
}
