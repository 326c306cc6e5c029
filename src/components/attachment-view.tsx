import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, ButtonBase, Dialog, IconButton, Link, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useState } from 'react';
import { FILE_TYPES, type Attachment } from '../contract/attachments';
import { formatFileSize } from '../lib/intl-format';
import { strings } from '../lib/strings';

/** One sent file inside a message: image thumbnail (opens full size), playable video, or document card. */
export function AttachmentView({ attachment: a }: { attachment: Attachment }) {
  const [full, setFull] = useState(false);
  if (a.kind === 'image') {
    return (
      <>
        <ButtonBase onClick={() => setFull(true)} aria-label={strings.attachment.open(a.fileName)} sx={{ borderRadius: 1, overflow: 'hidden', display: 'block' }}>
          <Box
            component="img"
            src={a.url}
            alt={a.fileName}
            loading="lazy"
            // Tiny images still get a thumbnail one can see and click.
            sx={{ display: 'block', minWidth: 96, minHeight: 96, maxWidth: 240, maxHeight: 240, objectFit: 'contain', bgcolor: 'background.default' }}
          />
        </ButtonBase>
        <Dialog open={full} onClose={() => setFull(false)} maxWidth="lg" slotProps={{ paper: { 'aria-label': a.fileName } as object }}>
          <IconButton aria-label={strings.attachment.close} onClick={() => setFull(false)} sx={{ position: 'absolute', right: 8, top: 8, bgcolor: 'background.paper' }}>
            <CloseIcon />
          </IconButton>
          <Box component="img" src={a.url} alt={a.fileName} sx={{ display: 'block', maxWidth: '90vw', maxHeight: '85vh' }} />
        </Dialog>
      </>
    );
  }
  if (a.kind === 'video') {
    return <Box component="video" src={a.url} controls preload="metadata" aria-label={a.fileName} sx={{ display: 'block', maxWidth: 320, maxHeight: 240, borderRadius: 1, bgcolor: 'common.black' }} />;
  }
  return (
    <Link href={a.downloadUrl} download={a.fileName} underline="none" color="inherit" aria-label={strings.attachment.download(a.fileName)}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', p: 1, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', color: 'text.primary', maxWidth: 280 }}>
        <DescriptionOutlinedIcon color="action" />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="body2" noWrap>
            {a.fileName}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {FILE_TYPES[a.fileType].label} · {formatFileSize(a.sizeBytes)}
          </Typography>
        </Box>
        <DownloadIcon fontSize="small" color="action" />
      </Stack>
    </Link>
  );
}
