/**
 * The container and codecs the camera records videos in. MP4 first: every browser (Safari on the
 * customer's iPhone included) plays it, and recent Chromium records it; WebM where the browser can
 * record nothing else (older Chromium, Firefox). Within MP4, H.264 before VP9 for the same reason,
 * with AAC where offered, else Opus (Chromium records no AAC).
 */
const CANDIDATES = [
  { mimeType: 'video/mp4;codecs=avc1,mp4a.40.2', fileType: 'video/mp4', extension: 'mp4' },
  { mimeType: 'video/mp4;codecs=avc1,opus', fileType: 'video/mp4', extension: 'mp4' },
  { mimeType: 'video/mp4', fileType: 'video/mp4', extension: 'mp4' },
  { mimeType: 'video/webm;codecs=vp8,opus', fileType: 'video/webm', extension: 'webm' },
  { mimeType: 'video/webm', fileType: 'video/webm', extension: 'webm' },
] as const;

export interface RecordingFormat {
  /** What to ask MediaRecorder for; undefined lets the browser choose (it then records its default). */
  mimeType: string | undefined;
  /** The recorded file's type and extension: the server checks its content against the extension. */
  fileType: 'video/mp4' | 'video/webm';
  extension: 'mp4' | 'webm';
}

/** The first format the browser can record; `isTypeSupported` is MediaRecorder's. */
export function chooseRecordingFormat(isTypeSupported: (mimeType: string) => boolean): RecordingFormat {
  const found = CANDIDATES.find((c) => isTypeSupported(c.mimeType));
  return found ? { ...found } : { mimeType: undefined, fileType: 'video/webm', extension: 'webm' };
}

/** What a browser that chose for itself recorded (MediaRecorder.mimeType after start), as a file. */
export function formatOfRecording(recordedMimeType: string, chosen: RecordingFormat): Pick<RecordingFormat, 'fileType' | 'extension'> {
  if (recordedMimeType.startsWith('video/mp4')) return { fileType: 'video/mp4', extension: 'mp4' };
  if (recordedMimeType.startsWith('video/webm')) return { fileType: 'video/webm', extension: 'webm' };
  return { fileType: chosen.fileType, extension: chosen.extension };
}

/**
 * Bits per second of the recorded picture: about a minute and a half fits the default 10 MB
 * limit, and a face or a screen shown to the camera stays readable.
 */
export const RECORDING_VIDEO_BITS_PER_SECOND = 800_000;
