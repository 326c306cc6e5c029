import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { keyboardStrings } from '../../../lib/keyboard-strings';
import { SHORTCUTS } from '../../../lib/shortcuts';

/** The ? overlay: every shortcut with its key. Loaded on first use. */
export default function ShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const s = keyboardStrings;
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcut-help-title" aria-describedby="shortcut-help-intro" maxWidth="xs" fullWidth>
      <DialogTitle id="shortcut-help-title">{s.helpTitle}</DialogTitle>
      <DialogContent>
        <DialogContentText id="shortcut-help-intro" sx={{ mb: 1 }}>
          {s.helpIntro}
        </DialogContentText>
        <Table size="small" aria-labelledby="shortcut-help-title">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {s.keyColumn}
              </TableCell>
              <TableCell component="th" scope="col">
                {s.actionColumn}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {SHORTCUTS.map((shortcut) => (
              <TableRow key={shortcut.command}>
                <TableCell>
                  <Box component="kbd" sx={{ fontFamily: 'monospace', fontWeight: 700, border: 1, borderColor: 'divider', borderRadius: 1, px: 0.75, py: 0.25 }}>
                    {shortcut.key}
                  </Box>
                </TableCell>
                <TableCell>{s.commands[shortcut.command]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{s.close}</Button>
      </DialogActions>
    </Dialog>
  );
}
