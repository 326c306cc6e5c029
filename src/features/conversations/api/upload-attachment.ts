import { staffRoutes } from '../../../contract/staff-routes';
import { ATTACHMENT_UPLOAD_FIELD } from '../../../contract/attachments';
import { uploadFile } from '../../../lib/api-client';

export const uploadAttachment = (conversationId: string, file: File, onProgress: (f: number) => void, signal: AbortSignal) =>
  uploadFile(staffRoutes.uploadAttachment, { params: { id: conversationId }, field: ATTACHMENT_UPLOAD_FIELD, file, onProgress, signal }).then((r) => r.attachment);
