import { Table, TableBody, TableHead, TableRow, Typography } from '@mui/material';
import { TableRegion } from '../../../components/table-region';
import type { ReactNode } from 'react';
import { TABLE_MIN_WIDTH } from '../../../lib/layout';

interface Props<T> {
  /** The table's name for screen readers. */
  label: string;
  rows: T[];
  /** Said instead of the table when there are no rows. */
  empty: string;
  /** The header cells. */
  head: ReactNode;
  /** A row of the table, keyed. */
  row(item: T): ReactNode;
}

/** What an admin page lists, as a compact table, or a line saying there is nothing yet. Long unbroken names wrap. */
export function AdminTable<T>({ label, rows, empty, head, row }: Props<T>) {
  if (rows.length === 0) return <Typography color="text.secondary">{empty}</Typography>;
  return (
    <TableRegion label={label}>
      <Table aria-label={label} size="small" sx={{ minWidth: TABLE_MIN_WIDTH, '& td, & th': { overflowWrap: 'anywhere' } }}>
        <TableHead>
          <TableRow>{head}</TableRow>
        </TableHead>
        <TableBody>{rows.map(row)}</TableBody>
      </Table>
    </TableRegion>
  );
}
