import CloseIcon from '@mui/icons-material/Close';
import DescriptionOutlinedIcon from '@mui/icons-material/DescriptionOutlined';
import MovieOutlinedIcon from '@mui/icons-material/MovieOutlined';
import { Box, Button, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { formatFileSize } from '../lib/intl-format';
import type { AttachmentUploads, StagedFile } from '../hooks/use-attachment-uploads';
import { strings } from '../lib/strings';
import { composerStrings } from '../lib/composer-strings';

/** Files waiting to be sent, above the composer: preview, upload progress, and why a file failed. */
export function AttachmentTray({ uploads }: { uploads: AttachmentUploads }) {
  if (uploads.files.length === 0) return null;
  return (
    <Box role="list" aria-label={composerStrings.attachments} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, px: 1.5, pt: 1.5, bgcolor: 'background.paper', borderTop: 1, borderColor: 'divider' }}>
      {uploads.files.map((f) => (
        <StagedItem key={f.localId} file={f} onRemove={() => uploads.remove(f.localId)} onRetry={() => uploads.retry(f.localId)} />
      ))}
    </Box>
  );
}

function StagedItem({ file: f, onRemove, onRetry }: { file: StagedFile; onRemove(): void; onRetry(): void }) {
  const name = f.name;
  const problem = f.status === 'failed' || f.status === 'refused';
  const video = f.previewUrl !== null && f.mimeType.startsWith('video/');
  return (
    <Box
      role="listitem"
      aria-label={name}
      sx={{ position: 'relative', width: video || problem ? 260 : 132, border: 1, borderColor: problem ? 'error.main' : 'divider', borderRadius: 1, p: 0.75, bgcolor: 'background.default' }}
    >
      {video && (
        // Played here before it is sent, as the customer will see it; clear of the remove button.
        <Box
          component="video"
          src={f.previewUrl!}
          controls
          playsInline
          preload="metadata"
          aria-label={composerStrings.videoPreview(name)}
          sx={{ display: 'block', width: 'calc(100% - 28px)', maxHeight: 160, mb: 0.5, borderRadius: 0.5, bgcolor: 'common.black' }}
        />
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', pr: 3 }}>
        {video ? null : f.previewUrl ? (
          <Box component="img" src={f.previewUrl} alt="" sx={{ width: 40, height: 40, objectFit: 'cover', borderRadius: 0.5, flexShrink: 0 }} />
        ) : f.mimeType.startsWith('video/') ? (
          <MovieOutlinedIcon color="action" />
        ) : (
          <DescriptionOutlinedIcon color="action" />
        )}
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="caption" component="p" noWrap title={name}>
            {name}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {formatFileSize(f.sizeBytes)}
          </Typography>
        </Box>
      </Stack>
      {f.status === 'uploading' && (
        <LinearProgress variant="determinate" value={Math.round(f.progress * 100)} aria-label={composerStrings.uploading(name)} sx={{ mt: 0.5 }} />
      )}
      {problem && (
        <Typography variant="caption" color="error" role="alert" sx={{ display: 'block', mt: 0.5 }}>
          {f.error}
        </Typography>
      )}
      {f.status === 'failed' && (
        <Button size="small" onClick={onRetry} aria-label={composerStrings.retryUpload(name)}>
          {strings.common.retry}
        </Button>
      )}
      <Tooltip title={composerStrings.remove(name)}>
        <IconButton size="small" aria-label={composerStrings.remove(name)} onClick={onRemove} sx={{ position: 'absolute', top: 2, right: 2 }}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}
