import { fileTypeFromBuffer } from 'file-type';
import { FILE_TYPES, type FileType } from '../../contract/attachments';

/** What file-type may report for each of our types (it names some formats more finely than we do). */
const CONTENT_MIMES: Record<Exclude<FileType, 'txt'>, readonly string[]> = {
  gif: ['image/gif'],
  heic: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  jpeg: ['image/jpeg'],
  jpg: ['image/jpeg'],
  png: ['image/png', 'image/apng'],
  webp: ['image/webp'],
  mp4: ['video/mp4', 'video/x-m4v'],
  webm: ['video/webm'],
  mov: ['video/quicktime'],
  pdf: ['application/pdf'],
  docx: [FILE_TYPES.docx.mime],
  xlsx: [FILE_TYPES.xlsx.mime],
};

export type Refusal = { code: 'type_not_allowed' | 'type_mismatch'; message: string };

// The WHATWG MIME sniffing patterns for HTML, plus XML and SVG: a file that starts like this can
// run script if a browser ever renders it, whatever its name says.
const MARKUP_START =
  /^(<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--|<\?xml|<svg)[\s>/]/i;

export function looksLikeMarkup(head: Uint8Array): boolean {
  let text = Buffer.from(head.subarray(0, 1024)).toString('utf8');
  text = text.replace(/^\ufeff/, '').trimStart();
  // A document that opens with a doctype or comment before its <svg> or <html> element.
  return MARKUP_START.test(text) || (text.startsWith('<') && /<(svg|html)[\s>]/i.test(text));
}

/**
 * Checks the file's first bytes against the type its name claims: the content decides. Plain
 * text has no magic bytes; TextChecker checks it as it streams. Returns the content type to store.
 */
export async function checkContent(fileName: string, type: FileType, head: Uint8Array): Promise<{ mimeType: string } | Refusal> {
  if (looksLikeMarkup(head)) {
    return { code: 'type_not_allowed', message: `"${fileName}" was refused: it contains HTML, SVG or XML, which is never accepted.` };
  }
  if (type === 'txt') return { mimeType: FILE_TYPES.txt.mime };
  const detected = await fileTypeFromBuffer(head);
  if (detected && CONTENT_MIMES[type].includes(detected.mime)) return { mimeType: detected.mime };
  const found = detected ? `its content is a .${detected.ext} file (${detected.mime})` : 'its content is not a file type we know';
  return { code: 'type_mismatch', message: `"${fileName}" was refused: it is named as a ${FILE_TYPES[type].label} file, but ${found}.` };
}

/** Plain text is accepted only as valid UTF-8 without NUL bytes; fed chunk by chunk while the file streams. */
export class TextChecker {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;

  push(chunk: Uint8Array): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode(chunk, { stream: true });
      this.ok = !chunk.includes(0);
    } catch {
      this.ok = false;
    }
    return this.ok;
  }

  end(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
    } catch {
      this.ok = false;
    }
    return this.ok;
  }

  refusal(fileName: string): Refusal {
    return { code: 'type_mismatch', message: `"${fileName}" was refused: it is named as a text file, but it is not plain UTF-8 text.` };
  }
}
