import QuickreplyOutlinedIcon from '@mui/icons-material/QuickreplyOutlined';
import { IconButton, Tooltip } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import type { ComposerInserts, UseComposerInserts } from '../../../components/composer-inserts';
import type { CannedResponse } from '../../../contract/canned-responses';
import { cannedStrings } from '../../../lib/canned-strings';
import { copyCannedAttachment, useCannedResponses, useCountCannedUse } from '../api/canned-responses';
import { fillPlaceholders, placeholdersIn, placeholderValues } from '../placeholders';
import { forQueue, preview, searchCanned } from '../search';

const s = cannedStrings.composer;

/** The picker's dialog loads when first opened. */
const CannedPickerDialog = lazy(() => import('./canned-picker-dialog'));

/** How many `/shortcut` suggestions show at once. */
const SUGGESTIONS_SHOWN = 8;

const detailOf = (r: CannedResponse) =>
  [r.scope === 'shared' ? s.sharedTag : s.mine, preview(r.text, 70), r.attachments.length > 0 ? s.files(r.attachments.length) : null].filter(Boolean).join(' · ');

/**
 * Canned responses in the chat pane's composer (its `inserts`): `/shortcut` suggestions and the
 * picker, both inserting the response with its placeholders filled in from this chat, its files
 * added to the message (copied into the chat on the server), and its use counted at insertion.
 */
export const useCannedInserts: UseComposerInserts = ({ conversation, user, uploads, writing }) => {
  const list = useCannedResponses(writing);
  const countUse = useCountCannedUse();
  if (!writing) return undefined;
  const responses = forQueue(list.data ?? [], conversation.queue.id);
  const values = placeholderValues(conversation, user);

  const choose = (id: string): string => {
    const response = responses.find((r) => r.id === id);
    if (!response) return '';
    void countUse(response.id);
    if (response.attachments.length > 0) {
      uploads.addCopies(response.attachments.map((source) => ({ source, copy: (signal: AbortSignal) => copyCannedAttachment(conversation.id, source.id, signal) })));
    }
    return fillPlaceholders(response.text, values).text;
  };

  return {
    label: s.suggestions,
    suggest: (query) => searchCanned(responses, query).slice(0, SUGGESTIONS_SHOWN).map((r) => ({ id: r.id, label: `/${r.shortcut}`, detail: detailOf(r) })),
    choose,
    picker: (insert, disabled) => <CannedPickerButton responses={responses} state={list} disabled={disabled} onChoose={(id) => insert(choose(id))} />,
    warning: (text) => {
      // Whatever is still in double braces: a placeholder this chat had no value for, or an unknown one.
      const left = [...new Set(placeholdersIn(text).map((p) => p.written))];
      return left.length > 0 ? s.unfilled(left) : null;
    },
  } satisfies ComposerInserts;
};

interface PickerProps {
  responses: CannedResponse[];
  state: ReturnType<typeof useCannedResponses>;
  disabled: boolean;
  onChoose(id: string): void;
}

/** The button beside the emoji button; its dialog lists the responses to search and choose from. */
function CannedPickerButton({ responses, state, disabled, onChoose }: PickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={s.picker}>
        <span>
          <IconButton aria-label={s.picker} aria-haspopup="dialog" onClick={() => setOpen(true)} disabled={disabled}>
            <QuickreplyOutlinedIcon />
          </IconButton>
        </span>
      </Tooltip>
      {open && (
        <Suspense fallback={null}>
          <CannedPickerDialog
            responses={responses}
            loading={state.isPending}
            error={state.isError ? state.error : null}
            onRetry={() => void state.refetch()}
            onClose={() => setOpen(false)}
            onChoose={(id) => {
              setOpen(false);
              onChoose(id);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
