import { webchatApi } from '../../../contract/webchat-api';
import { ATTACHMENT_UPLOAD_FIELD } from '../../../contract/attachments';
import { uploadFile } from '../../../lib/api-client';

export const uploadCustomerAttachment = (token: string, file: File, onProgress: (f: number) => void, signal: AbortSignal) =>
  uploadFile(webchatApi.webchatUploadAttachment, { token, field: ATTACHMENT_UPLOAD_FIELD, file, onProgress, signal }).then((r) => r.attachment);
