import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/*
 * Files for upload tests, made in code so every test says what its bytes are. Each builder gives
 * a file whose first bytes are what a real one has; the rest need not be a valid image or video.
 */

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, decodable RGB PNG of width × height, padded after IEND to `padTo` bytes when given. */
export function png(width = 64, height = 48, padTo?: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 4) & 255, (y * 5) & 255, 128], 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  if (padTo === undefined) return file;
  if (padTo < file.length) throw new Error(`a ${width}×${height} PNG needs ${file.length} bytes`);
  return Buffer.concat([file, Buffer.alloc(padTo - file.length, 0x2e)]);
}

/**
 * A tiny PNG that declares `width` × `height` pixels: a valid header and IHDR, then an IDAT with
 * a few compressed bytes. Nothing checking only the size notices it; a decoder would allocate
 * width × height × 4 bytes. The shape of a decompression bomb.
 */
export function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const gif = () => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([2, 0, 2, 0, 0, 0, 0]), randomBytes(64)]);

/** A Linux executable's header: what a program renamed to .png starts with. */
export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(8), Buffer.from([2, 0, 0x3e, 0]), randomBytes(512)]);

/** A Windows executable: "MZ", and the "PE\0\0" header the DOS stub points to. */
export function pe(): Buffer {
  const file = Buffer.alloc(1024);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('PE\0\0', 0x80, 'latin1');
  file.writeUInt16LE(0x8664, 0x84);
  return file;
}

export const html = () => Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n');
export const svg = () =>
  Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>\n');

export const pdf = (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(size)]);

/**
 * An ISO base media file of `size` bytes: an ftyp box (major brand isom, then the compatible
 * brands), a `box` header covering the rest, and random bytes in it.
 */
function isoMedia(size: number, compatibleBrands: string, box: 'mdat' | 'moov'): Buffer {
  const ftyp = Buffer.alloc(16 + compatibleBrands.length);
  ftyp.writeUInt32BE(ftyp.length, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write(compatibleBrands, 16, 'latin1');
  const header = Buffer.alloc(8);
  header.writeUInt32BE(size - ftyp.length, 0);
  header.write(box, 4, 'latin1');
  return Buffer.concat([ftyp, header, randomBytes(size - ftyp.length - 8)]);
}

/** An MP4 (ISO base media) of `size` bytes: an ftyp box, then one mdat box of random bytes. */
export const mp4 = (size: number) => isoMedia(size, 'isomiso2', 'mdat');

/**
 * The start of a video Chromium's MediaRecorder records as `video/mp4` (a fragmented MP4): its
 * ftyp box (isom; iso6, iso2, avc1, mp41) and a moov box header, then random bytes.
 */
export const recordedMp4 = (size = 64 * 1024) => isoMedia(size, 'isomiso6iso2avc1mp41', 'moov');

/** The start of a video MediaRecorder records as `video/webm`: its EBML header (DocType webm) and a Segment of unknown size. */
export function recordedWebm(size = 64 * 1024): Buffer {
  const head = Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701ffffffffffffff', 'hex');
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

const FIXTURE_HEIC = new URL('../attachments/fixtures/photo-64x48.heic', import.meta.url);

/**
 * A HEIC photo of 64 × 48: made now with heif-enc when it is installed (Debian's
 * libheif-examples), else the committed fixture, which heif-enc made from png(64, 48).
 */
export function heic(): { bytes: Buffer; source: 'heif-enc' | 'fixture' } {
  const dir = mkdtempSync(join(tmpdir(), 'cp-heic-'));
  try {
    const input = join(dir, `${randomUUID()}.png`);
    writeFileSync(input, png(64, 48));
    execFileSync('heif-enc', [input, '-o', join(dir, 'photo.heic')], { stdio: 'ignore' });
    return { bytes: readFileSync(join(dir, 'photo.heic')), source: 'heif-enc' };
  } catch {
    return { bytes: readFileSync(FIXTURE_HEIC), source: 'fixture' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
