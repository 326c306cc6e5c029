import AddIcon from '@mui/icons-material/Add';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import PhotoLibraryIcon from '@mui/icons-material/PhotoLibrary';
import { IconButton, ListItemIcon, ListItemText, Menu, MenuItem, Tooltip } from '@mui/material';
import { lazy, Suspense, useRef, useState, type ChangeEvent } from 'react';
import { isTouch } from '../lib/layout';
import { composerStrings } from '../lib/composer-strings';

// The camera dialog (getUserMedia, MediaRecorder) loads only when first opened.
const CameraDialog = lazy(() => import('./camera-dialog').then((m) => ({ default: m.CameraDialog })));

/**
 * The plus button: Camera, Gallery (images and videos) and Document (any file). On a touch device
 * each opens the device's own picker (Camera its camera app, through `capture`); with a mouse,
 * Camera opens the in-page camera.
 */
export function AttachMenu({ onFiles, disabled }: { onFiles(files: File[]): void; disabled?: boolean }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [camera, setCamera] = useState(false);
  const gallery = useRef<HTMLInputElement>(null);
  const document = useRef<HTMLInputElement>(null);
  const cameraApp = useRef<HTMLInputElement>(null);
  const choose = (action: () => void) => () => {
    setAnchor(null);
    action();
  };
  const picked = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = '';
    if (files.length) onFiles(files);
  };

  return (
    <>
      <Tooltip title={composerStrings.attach}>
        <span>
          <IconButton aria-label={composerStrings.attach} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)} disabled={disabled}>
            <AddIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={choose(() => (isTouch() ? cameraApp.current?.click() : setCamera(true)))}>
          <ListItemIcon>
            <PhotoCameraIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{composerStrings.camera}</ListItemText>
        </MenuItem>
        <MenuItem onClick={choose(() => gallery.current?.click())}>
          <ListItemIcon>
            <PhotoLibraryIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{composerStrings.gallery}</ListItemText>
        </MenuItem>
        <MenuItem onClick={choose(() => document.current?.click())}>
          <ListItemIcon>
            <DescriptionOutlinedIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{composerStrings.document}</ListItemText>
        </MenuItem>
      </Menu>
      <input ref={gallery} type="file" accept="image/*,video/*" multiple hidden aria-label={composerStrings.gallery} onChange={picked} />
      <input ref={document} type="file" multiple hidden aria-label={composerStrings.document} onChange={picked} />
      <input ref={cameraApp} type="file" accept="image/*,video/*" capture="environment" hidden aria-label={composerStrings.camera} onChange={picked} />
      {camera && (
        <Suspense fallback={null}>
          <CameraDialog
            onClose={() => setCamera(false)}
            onCapture={(file) => {
              setCamera(false);
              onFiles([file]);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
