import { extensionOf } from './attachments';
import { ATTACHMENT_FILE_NAME_MAX_LENGTH } from './limits';

// C0 and C1 controls, zero-width and bidirectional overrides (which can make "gpj.exe" read as
// "exe.jpg"), the byte-order mark.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
// Characters Windows refuses in file names, and quotes that would end a header parameter.
const RESERVED = /["*:<>?|]/g;

/**
 * The name a file is stored and later downloaded under: no folders, no control or direction
 * characters, no leading dots, at most ATTACHMENT_FILE_NAME_MAX_LENGTH characters with the
 * extension kept. Never empty. The server applies it to every upload; the UI may show it early.
 */
export function sanitizeFileName(raw: string | undefined | null): string {
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(/[\t\n\v\f\r]/g, ' ').replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (!name) return 'file';
  const chars = Array.from(name);
  if (chars.length <= ATTACHMENT_FILE_NAME_MAX_LENGTH) return name;
  const ext = extensionOf(name);
  const keep = ext && ext.length < 16 ? ext.length + 1 : 0;
  return chars.slice(0, ATTACHMENT_FILE_NAME_MAX_LENGTH - keep).join('').trimEnd() + (keep ? `.${ext}` : '');
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '_').trim() || 'file';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
