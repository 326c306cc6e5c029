import { localize, S } from './i18n';
import en from '../locales/en/camera-strings.json';
/** The camera dialog's sentences: a module of their own, loaded with the dialog on first use (it is not part of any first load). */
export const cameraStrings = /* @__PURE__ */ localize('camera', en, {
  title: S,
  photo: S,
  video: S,
  takePhoto: S,
  usePhoto: S,
  retake: S,
  startRecording: S,
  stopRecording: S,
  useVideo: S,
  discardVideo: S,
  noCamera: S,
  recording: S,
  preview: S,
});
