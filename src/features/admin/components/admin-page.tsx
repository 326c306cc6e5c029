import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { PageHeading } from '../../../components/page-frame';

interface Props {
  /** The page's title, what it is for, and its main action's label (e.g. "New queue"). */
  text: { title: string; intro: string; add?: string };
  /** The main action, beside the title. */
  onAdd?: () => void;
  /** What the last action did; read out by screen readers. */
  notice?: string | null;
  onDismissNotice?: () => void;
  children: ReactNode;
}

/** The frame of an admin page: title, what it is for, its main action and the outcome of the last one. */
export function AdminPage({ text, onAdd, notice, onDismissNotice, children }: Props) {
  return (
    <Stack spacing={2}>
      <PageHeading
        title={text.title}
        intro={text.intro}
        action={
          onAdd &&
          text.add && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={onAdd}>
              {text.add}
            </Button>
          )
        }
      />
      {/* Always in the page, so the announcement is heard when its text changes. */}
      <Box role="status" aria-live="polite">
        {notice && (
          <Alert severity="success" onClose={onDismissNotice}>
            {notice}
          </Alert>
        )}
      </Box>
      {children}
    </Stack>
  );
}
