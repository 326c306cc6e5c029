import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { CreateNoteRequest } from '../../../contract/notes';
import { callApi } from '../../../lib/api-client';
import { addNote } from '../conversation-cache';

/** Idempotent by clientNoteId: the caller keeps one id per note across retries. */
export const createNote = (conversationId: string, body: CreateNoteRequest) =>
  callApi(staffRoutes.createNote, { params: { id: conversationId }, body }).then((r) => r.note);

export function useCreateNote(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNoteRequest) => createNote(conversationId, body),
    onSuccess: (note) => addNote(queryClient, note),
  });
}
