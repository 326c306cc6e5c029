import { Paper, Typography, type SxProps, type Theme } from '@mui/material';
import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** What the section is for, under its title. */
  hint: string;
  /** A part of the page of its own (a landmark), rather than a group of one form's fields. */
  region?: boolean;
  sx?: SxProps<Theme>;
  children: ReactNode;
}

/** A card of settings or preferences: its title names it for screen readers, a hint says what it is for. */
export function SectionCard({ title, hint, region = false, sx, children }: Props) {
  const headingId = useId();
  return (
    <Paper
      component={region ? 'section' : 'div'}
      role={region ? undefined : 'group'}
      variant="outlined"
      aria-labelledby={headingId}
      sx={[{ p: { xs: 2, md: 3 } }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      <Typography id={headingId} variant="h6" component="h3">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {hint}
      </Typography>
      {children}
    </Paper>
  );
}
