import { z } from 'zod';
import {
  ATTACHMENT_DEFAULT_MAX_FILE_SIZE_BYTES,
  ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES,
  IMAGE_DEFAULT_MAX_PIXELS,
  IMAGE_MAX_PIXELS_CEILING,
  IMAGE_MIN_MAX_PIXELS,
} from './limits';
import { text } from './text';

/**
 * The file types an admin can allow. A file's type is the one its name's extension belongs to;
 * the server then checks that the content really is that type (magic bytes), so the UI can check
 * a picked file by name with `fileTypeOfName` and get the same answer the server will give for
 * honest files.
 */
export const FILE_TYPE_NAMES = ['gif', 'heic', 'jpeg', 'jpg', 'png', 'webp', 'mp4', 'webm', 'mov', 'pdf', 'txt', 'docx', 'xlsx'] as const;
export const FileTypeSchema = z.enum(FILE_TYPE_NAMES);
export type FileType = z.infer<typeof FileTypeSchema>;

export const FileKindSchema = z.enum(['image', 'video', 'document']);
export type FileKind = z.infer<typeof FileKindSchema>;

export interface FileTypeInfo {
  /** For people: "PNG", "Word document". */
  label: string;
  /** The Content-Type the file is stored and served with. */
  mime: string;
  /** Lower-case, without the dot. */
  extensions: readonly string[];
  kind: FileKind;
}

export const FILE_TYPES = {
  gif: { label: 'GIF', mime: 'image/gif', extensions: ['gif'], kind: 'image' },
  // Browsers other than Safari cannot show HEIC: the server adds a JPEG copy for display.
  heic: { label: 'HEIC', mime: 'image/heic', extensions: ['heic', 'heif'], kind: 'image' },
  jpeg: { label: 'JPEG', mime: 'image/jpeg', extensions: ['jpeg'], kind: 'image' },
  jpg: { label: 'JPG', mime: 'image/jpeg', extensions: ['jpg'], kind: 'image' },
  png: { label: 'PNG', mime: 'image/png', extensions: ['png'], kind: 'image' },
  webp: { label: 'WebP', mime: 'image/webp', extensions: ['webp'], kind: 'image' },
  mp4: { label: 'MP4 video', mime: 'video/mp4', extensions: ['mp4', 'm4v'], kind: 'video' },
  webm: { label: 'WebM video', mime: 'video/webm', extensions: ['webm'], kind: 'video' },
  mov: { label: 'QuickTime video', mime: 'video/quicktime', extensions: ['mov'], kind: 'video' },
  pdf: { label: 'PDF', mime: 'application/pdf', extensions: ['pdf'], kind: 'document' },
  txt: { label: 'Text', mime: 'text/plain', extensions: ['txt'], kind: 'document' },
  docx: {
    label: 'Word document',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    kind: 'document',
  },
  xlsx: {
    label: 'Excel workbook',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    kind: 'document',
  },
} as const satisfies Record<FileType, FileTypeInfo>;

/** Never accepted, whatever the policy says: they can carry scripts that run in our origin. */
export const ALWAYS_REFUSED_EXTENSIONS = ['html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml'] as const;

/** Served inline (shown in the page) rather than as a download: images and videos browsers render without running anything. */
export const INLINE_FILE_TYPES: readonly FileType[] = ['jpeg', 'jpg', 'png', 'gif', 'webp', 'mp4', 'webm', 'mov'];

/**
 * What a new workspace allows: photos and videos, the way phones and the panel's camera make them
 * (the camera records MP4 where the browser can and WebM where it cannot; iPhones record
 * QuickTime). The defaults are not stored: a workspace whose admin never saved the settings gets
 * a change of them, one whose admin saved keeps its own choice.
 */
export const DEFAULT_ALLOWED_FILE_TYPES: readonly FileType[] = ['gif', 'heic', 'jpeg', 'jpg', 'png', 'mp4', 'webm', 'mov'];

/** The extension of a file name, lower-case and without the dot; '' when there is none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The file type a name claims, or null for names of types we do not know. */
export function fileTypeOfName(fileName: string): FileType | null {
  const ext = extensionOf(fileName);
  return FILE_TYPE_NAMES.find((t) => (FILE_TYPES[t].extensions as readonly string[]).includes(ext)) ?? null;
}

/** "512 KB", "10 MB", "1.5 MB": how sizes are written in messages, on every side. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** "40 megapixels", "2,500 megapixels", "0.5 megapixels": how pixel limits are written. */
export function formatMegapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return `${mp.toLocaleString('en-US', { maximumFractionDigits: 1 })} megapixels`;
}

/** The pixel rule, checked on the dimensions an image declares before anything decodes it. */
export function checkImagePixels(
  fileName: string,
  size: { width: number; height: number },
  policy: Pick<AttachmentPolicy, 'maxImagePixels'>,
): { code: 'image_too_large'; message: string } | null {
  if (size.width * size.height <= policy.maxImagePixels) return null;
  const dims = `${size.width.toLocaleString('en-US')} × ${size.height.toLocaleString('en-US')} pixels`;
  return {
    code: 'image_too_large',
    message: `"${fileName}" was refused: the image is ${dims}; images can be at most ${formatMegapixels(policy.maxImagePixels)}.`,
  };
}

/** An `accept` attribute for a file input (or react-dropzone) that offers the allowed types. */
export function acceptAttribute(allowedTypes: readonly FileType[]): string {
  return allowedTypes.flatMap((t) => FILE_TYPES[t].extensions.map((e) => `.${e}`)).join(',');
}

/** A refused upload, as the server (and the mocks, and a UI pre-check) word it. */
export type UploadRefusal = { code: 'type_not_allowed' | 'type_mismatch' | 'file_too_large' | 'empty_file'; message: string };

const typeLabels = (types: readonly FileType[]) => types.map((t) => FILE_TYPES[t].label).join(', ');

/**
 * The rules that need only the file's name: markup never, unknown extensions never, and the
 * uploader's policy. Returns the type the name claims. The server then checks the content.
 */
export function checkFileName(
  fileName: string,
  policy: Pick<AttachmentPolicy, 'allowedTypes'>,
  who: 'agents' | 'customers',
): { type: FileType } | UploadRefusal {
  const ext = extensionOf(fileName);
  if ((ALWAYS_REFUSED_EXTENSIONS as readonly string[]).includes(ext)) {
    return { code: 'type_not_allowed', message: `"${fileName}" was refused: HTML, SVG and XML files are never accepted.` };
  }
  const allowed = policy.allowedTypes.length ? `Allowed types: ${typeLabels(policy.allowedTypes)}.` : `Uploads from ${who} are turned off.`;
  const type = fileTypeOfName(fileName);
  if (!type) {
    const what = ext ? `.${ext} files` : 'files without an extension';
    return { code: 'type_not_allowed', message: `"${fileName}" was refused: ${what} are not accepted. ${allowed}` };
  }
  if (!policy.allowedTypes.includes(type)) {
    return { code: 'type_not_allowed', message: `"${fileName}" was refused: ${FILE_TYPES[type].label} files are not accepted from ${who}. ${allowed}` };
  }
  return { type };
}

/** The size rules; `fileName` is null when the file was refused before its name was read. */
export function checkFileSize(fileName: string | null, sizeBytes: number, policy: Pick<AttachmentPolicy, 'maxFileSizeBytes'>): UploadRefusal | null {
  if (sizeBytes > policy.maxFileSizeBytes) {
    const file = fileName === null ? 'This file' : `"${fileName}"`;
    return { code: 'file_too_large', message: `${file} was refused: files can be at most ${formatFileSize(policy.maxFileSizeBytes)}.` };
  }
  if (sizeBytes === 0) return { code: 'empty_file', message: `"${fileName}" was refused: it is empty (0 bytes).` };
  return null;
}

export const AttachmentPolicySchema = z.object({
  allowedTypes: z
    .array(FileTypeSchema)
    .max(FILE_TYPE_NAMES.length)
    .refine((types) => new Set(types).size === types.length, 'List each file type once'),
  maxFileSizeBytes: z
    .number()
    .int()
    .min(1, 'The size limit must be at least 1 byte')
    .max(
      ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES,
      `The size limit can be at most ${ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES / (1024 * 1024)} MB`,
    ),
  /** Largest image, in pixels (width × height) as the file declares them; policies saved before it existed get the default. */
  maxImagePixels: z
    .number()
    .int('Whole pixels only')
    .min(IMAGE_MIN_MAX_PIXELS, `At least ${formatMegapixels(IMAGE_MIN_MAX_PIXELS)}`)
    .max(IMAGE_MAX_PIXELS_CEILING, `At most ${formatMegapixels(IMAGE_MAX_PIXELS_CEILING)}`)
    .default(IMAGE_DEFAULT_MAX_PIXELS),
});
export type AttachmentPolicy = z.infer<typeof AttachmentPolicySchema>;
/** A policy as a client may send it: `maxImagePixels` may be left out (older clients). */
export type AttachmentPolicyInput = z.input<typeof AttachmentPolicySchema>;

export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = {
  allowedTypes: [...DEFAULT_ALLOWED_FILE_TYPES],
  maxFileSizeBytes: ATTACHMENT_DEFAULT_MAX_FILE_SIZE_BYTES,
  maxImagePixels: IMAGE_DEFAULT_MAX_PIXELS,
};

/** The policy that applies to the caller: agents' for staff, customers' in the web chat. */
export const AttachmentPolicyResponseSchema = z.object({ policy: AttachmentPolicySchema });
export type AttachmentPolicyResponse = z.infer<typeof AttachmentPolicyResponseSchema>;

/**
 * A stored file. `url` and `downloadUrl` are signed and expire (see `urlExpiresAt`); they work
 * without any other credential, so `<img src>` and `<video src>` can use them as they are. A
 * client that holds a message past that time refetches it to get fresh links.
 */
export const AttachmentSchema = z.object({
  id: z.string(),
  /** The uploader's file name, cleaned of paths and control characters. */
  fileName: z.string(),
  fileType: FileTypeSchema,
  /** Content type of the original, decided from its content. */
  mimeType: z.string(),
  kind: FileKindSchema,
  sizeBytes: z.number().int(),
  /** SHA-256 of the original, hex. */
  sha256: z.string(),
  /** Of the displayed image, when known. */
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  /**
   * The version to show: the original, or a JPEG copy of a HEIC photo. Served inline for images
   * and videos a browser can show safely, as a download for everything else.
   */
  url: z.string(),
  /** Content type behind `url` (image/jpeg for a HEIC photo). */
  displayMimeType: z.string(),
  /** The original bytes, always as a download under the original file name. */
  downloadUrl: z.string(),
  urlExpiresAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Answer to an upload: the stored file, not yet part of a message (send its id with one). */
export const UploadAttachmentResponseSchema = z.object({ attachment: AttachmentSchema });
export type UploadAttachmentResponse = z.infer<typeof UploadAttachmentResponseSchema>;

/** The multipart form field that carries the file. */
export const ATTACHMENT_UPLOAD_FIELD = 'file';

export const AttachmentVariantSchema = z.enum(['display', 'original']);
export type AttachmentVariant = z.infer<typeof AttachmentVariantSchema>;

/** Query of a download: which version, and the signature of a signed link. */
export const AttachmentDownloadQuerySchema = z.object({
  variant: AttachmentVariantSchema.default('display'),
  /** Expiry of a signed link, in seconds since 1970. */
  exp: z.coerce.number().int().positive().optional(),
  sig: text().max(128).optional(),
});
export type AttachmentDownloadQuery = z.input<typeof AttachmentDownloadQuerySchema>;

/** The body of a file download: the bytes themselves (documented as binary in OpenAPI). */
export const FileBytesSchema = z.unknown().describe('The file bytes');
