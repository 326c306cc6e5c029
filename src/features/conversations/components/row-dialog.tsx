import type { Conversation } from '../../../contract/conversations';
import { EndChatDialog } from './end-chat-dialog';
import { TransferDialog } from './transfer-dialog';

export interface RowAction {
  kind: 'end' | 'transfer';
}

/**
 * End chat or Transfer chosen from a row's ⋮ menu: the same dialogs as in the open chat. Loaded on
 * first use. Either one removes the row once done: the list follows the server's event.
 */
export function RowDialog({ kind, conversation, onClose }: { kind: RowAction['kind']; conversation: Conversation; onClose(): void }) {
  return kind === 'end' ? (
    <EndChatDialog conversation={conversation} open onClose={onClose} onEnded={onClose} />
  ) : (
    <TransferDialog conversation={conversation} onClose={onClose} onTransferred={onClose} />
  );
}
