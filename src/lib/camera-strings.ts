/** The camera dialog's sentences: a module of their own, loaded with the dialog on first use (it is not part of any first load). */
export const cameraStrings = {
  title: 'Camera',
  photo: 'Photo',
  video: 'Video',
  takePhoto: 'Take photo',
  usePhoto: 'Use photo',
  retake: 'Retake',
  startRecording: 'Start recording',
  stopRecording: 'Stop recording',
  useVideo: 'Use video',
  discardVideo: 'Discard video',
  noCamera: 'The camera cannot be used. Allow camera access in your browser, or attach a file instead.',
  recording: 'Recording…',
  preview: 'Camera preview',
};
