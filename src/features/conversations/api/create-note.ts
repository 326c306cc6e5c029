import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import type { Note } from '../../../contract/notes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Idempotent by clientNoteId: the caller keeps one id per note across retries. */
export const createNote = (conversationId: string, body: { clientNoteId: string; text: string }) =>
  callApi(api.createNote, { params: { id: conversationId }, body }).then((r) => r.note);

export function useCreateNote(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { clientNoteId: string; text: string }) => createNote(conversationId, body),
    onSuccess: (note) =>
      queryClient.setQueryData<Note[]>(queryKeys.conversations.notes(conversationId), (notes) =>
        notes && !notes.some((n) => n.id === note.id) ? [note, ...notes] : notes,
      ),
  });
}
