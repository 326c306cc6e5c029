import { describe, expect, it } from 'vitest';
import { chooseRecordingFormat, formatOfRecording } from './recording-format';

const supporting = (...types: string[]) => (t: string) => types.includes(t);

describe('chooseRecordingFormat', () => {
  it('records MP4 where the browser can, preferring H.264', () => {
    // What Chromium 156 answers: MP4 with H.264 and Opus, no AAC.
    const chromium = supporting('video/mp4', 'video/mp4;codecs=avc1,opus', 'video/webm;codecs=vp8,opus', 'video/webm');
    expect(chooseRecordingFormat(chromium)).toEqual({ mimeType: 'video/mp4;codecs=avc1,opus', fileType: 'video/mp4', extension: 'mp4' });
    expect(chooseRecordingFormat(supporting('video/mp4;codecs=avc1,mp4a.40.2', 'video/mp4'))).toMatchObject({ mimeType: 'video/mp4;codecs=avc1,mp4a.40.2', extension: 'mp4' });
    expect(chooseRecordingFormat(supporting('video/mp4', 'video/webm'))).toEqual({ mimeType: 'video/mp4', fileType: 'video/mp4', extension: 'mp4' });
  });

  it('falls back to WebM where the browser records no MP4', () => {
    expect(chooseRecordingFormat(supporting('video/webm;codecs=vp8,opus', 'video/webm'))).toEqual({
      mimeType: 'video/webm;codecs=vp8,opus',
      fileType: 'video/webm',
      extension: 'webm',
    });
    expect(chooseRecordingFormat(supporting('video/webm'))).toMatchObject({ mimeType: 'video/webm', extension: 'webm' });
  });

  it('lets a browser that names none of them choose, and names the file by what it recorded', () => {
    const chosen = chooseRecordingFormat(() => false);
    expect(chosen.mimeType).toBeUndefined();
    expect(formatOfRecording('video/mp4;codecs=avc1', chosen)).toEqual({ fileType: 'video/mp4', extension: 'mp4' });
    expect(formatOfRecording('video/webm;codecs=vp9', chosen)).toEqual({ fileType: 'video/webm', extension: 'webm' });
    expect(formatOfRecording('', chosen)).toEqual({ fileType: 'video/webm', extension: 'webm' });
  });
});
