import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import FiberManualRecordIcon from '@mui/icons-material/FiberManualRecord';
import StopIcon from '@mui/icons-material/Stop';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Tab, Tabs, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { cameraStrings } from '../lib/camera-strings';
import { chooseRecordingFormat, formatOfRecording, RECORDING_VIDEO_BITS_PER_SECOND } from '../lib/recording-format';
import { strings } from '../lib/strings';

type Mode = 'photo' | 'video';
type Result = { file: File; url: string } | null;

interface Props {
  onClose(): void;
  onCapture(file: File): void;
}

/**
 * Takes a photo (Use photo / Retake) or records a video (red circle starts, red square stops,
 * the recording plays back at once; the check mark adds it, the X discards it) with the webcam.
 */
export function CameraDialog({ onClose, onCapture }: Props) {
  const [mode, setMode] = useState<Mode>('photo');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failed, setFailed] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const [recording, setRecording] = useState(false);
  // Stop waits for the recorder's first piece of video, so a recording is never empty.
  const [recorded, setRecorded] = useState(false);
  // The stream exists before its first frame: capturing earlier would give an empty picture.
  const [playing, setPlaying] = useState(false);
  const live = useRef<HTMLVideoElement>(null);
  const recorder = useRef<MediaRecorder | null>(null);

  useEffect(() => {
    let active: MediaStream | null = null;
    let cancelled = false;
    // The previous mode's stream is stopped below; nothing may record from it meanwhile.
    setStream(null);
    setPlaying(false);
    if (!navigator.mediaDevices) {
      setFailed(true);
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: true, audio: mode === 'video' })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        active = s;
        setStream(s);
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      active?.getTracks().forEach((t) => t.stop());
    };
  }, [mode]);

  useEffect(() => {
    // A new stream, or the live view back after Retake: wait for its first frame again.
    if (!live.current || !stream) return;
    setPlaying(false);
    live.current.srcObject = stream;
  }, [stream, result]);

  useEffect(() => () => void (result && URL.revokeObjectURL(result.url)), [result]);

  const takePhoto = () => {
    const video = live.current;
    if (!video || !video.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return setFailed(true);
        const file = new File([blob], `photo-${timestamp()}.jpg`, { type: 'image/jpeg' });
        setResult({ file, url: URL.createObjectURL(file) });
      },
      'image/jpeg',
      0.9,
    );
  };

  const startRecording = () => {
    if (!stream) return;
    const chunks: Blob[] = [];
    const format = chooseRecordingFormat((t) => MediaRecorder.isTypeSupported(t));
    let r: MediaRecorder;
    try {
      r = new MediaRecorder(stream, { mimeType: format.mimeType, videoBitsPerSecond: RECORDING_VIDEO_BITS_PER_SECOND });
    } catch {
      return setFailed(true);
    }
    r.ondataavailable = (e) => {
      if (!e.data.size) return;
      chunks.push(e.data);
      setRecorded(true);
    };
    r.onstop = () => {
      // Named by what was really recorded: the server checks the content against the extension.
      const { fileType, extension } = formatOfRecording(r.mimeType, format);
      const file = new File(chunks, `video-${timestamp()}.${extension}`, { type: fileType });
      setResult({ file, url: URL.createObjectURL(file) });
      setRecording(false);
    };
    setRecorded(false);
    r.start(250);
    recorder.current = r;
    setRecording(true);
  };

  const s = cameraStrings;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="camera-title">
      <DialogTitle id="camera-title">{s.title}</DialogTitle>
      <Tabs value={mode} onChange={(_, m: Mode) => !recording && (setResult(null), setMode(m))} variant="fullWidth">
        <Tab value="photo" label={s.photo} disabled={recording} />
        <Tab value="video" label={s.video} disabled={recording} />
      </Tabs>
      <DialogContent sx={{ display: 'grid', placeItems: 'center', minHeight: 280 }}>
        {failed ? (
          <Alert severity="error">{s.noCamera}</Alert>
        ) : result ? (
          mode === 'photo' ? (
            <Box component="img" src={result.url} alt={s.preview} sx={{ maxWidth: '100%', maxHeight: 360 }} />
          ) : (
            <Box component="video" src={result.url} controls autoPlay aria-label={s.preview} sx={{ maxWidth: '100%', maxHeight: 360 }} />
          )
        ) : (
          <Box sx={{ position: 'relative' }}>
            <Box component="video" ref={live} autoPlay muted playsInline onPlaying={() => setPlaying(true)} aria-label={s.preview} sx={{ maxWidth: '100%', maxHeight: 360, bgcolor: 'common.black' }} />
            {recording && (
              <Typography role="status" sx={{ position: 'absolute', top: 8, left: 8, color: 'error.main', bgcolor: 'background.paper', px: 1, borderRadius: 1 }}>
                {s.recording}
              </Typography>
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ justifyContent: 'center', gap: 2, pb: 2 }}>
        {mode === 'photo' && !result && (
          <Button variant="contained" onClick={takePhoto} disabled={!stream || !playing}>
            {s.takePhoto}
          </Button>
        )}
        {mode === 'photo' && result && (
          <>
            <Button onClick={() => setResult(null)}>{s.retake}</Button>
            <Button variant="contained" onClick={() => onCapture(result.file)}>
              {s.usePhoto}
            </Button>
          </>
        )}
        {mode === 'video' && !result && !recording && (
          <IconButton aria-label={s.startRecording} onClick={startRecording} disabled={!stream || !playing} sx={{ border: 2, borderColor: 'divider' }}>
            <FiberManualRecordIcon sx={{ color: 'error.main', fontSize: 40 }} />
          </IconButton>
        )}
        {recording && (
          <IconButton aria-label={s.stopRecording} onClick={() => recorder.current?.stop()} disabled={!recorded} sx={{ border: 2, borderColor: 'divider' }}>
            <StopIcon sx={{ color: 'error.main', fontSize: 40 }} />
          </IconButton>
        )}
        {mode === 'video' && result && (
          <>
            <IconButton aria-label={s.discardVideo} onClick={() => setResult(null)} sx={{ border: 2, borderColor: 'divider' }}>
              <CloseIcon fontSize="large" />
            </IconButton>
            <IconButton aria-label={s.useVideo} onClick={() => onCapture(result.file)} sx={{ border: 2, borderColor: 'success.main' }}>
              <CheckIcon fontSize="large" color="success" />
            </IconButton>
          </>
        )}
        <Button color="inherit" onClick={onClose} disabled={recording}>
          {strings.common.cancel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

const timestamp = () => new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
