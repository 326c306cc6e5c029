import { ATTACHMENT_UPLOAD_FIELD } from '../../../contract/attachments';
import { uploadToWebchat } from './call';

export const uploadCustomerAttachment = (token: string, file: File, onProgress: (f: number) => void, signal: AbortSignal) =>
  uploadToWebchat('webchatUploadAttachment', { token, field: ATTACHMENT_UPLOAD_FIELD, file, onProgress, signal }).then((r) => r.attachment);
