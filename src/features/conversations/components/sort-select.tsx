import SortIcon from '@mui/icons-material/Sort';
import { InputAdornment, MenuItem, TextField } from '@mui/material';
import { ConversationSortSchema, type ConversationSort } from '../../../contract/preferences';
import { conversationListStrings } from '../../../lib/staff-page-strings';

/** Chooses the order of my Conversations list. */
export function SortSelect({ value, onChange }: { value: ConversationSort; onChange(sort: ConversationSort): void }) {
  return (
    <TextField
      select
      fullWidth
      size="small"
      label={conversationListStrings.sort}
      value={value}
      onChange={(e) => onChange(ConversationSortSchema.parse(e.target.value))}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SortIcon fontSize="small" aria-hidden />
            </InputAdornment>
          ),
        },
      }}
    >
      {ConversationSortSchema.options.map((option) => (
        <MenuItem key={option} value={option}>
          {conversationListStrings.sorts[option]}
        </MenuItem>
      ))}
    </TextField>
  );
}
