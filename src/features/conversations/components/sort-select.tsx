import SortIcon from '@mui/icons-material/Sort';
import { InputAdornment, MenuItem, TextField } from '@mui/material';
import { CONVERSATION_SORTS, type ConversationSort } from '../../../contract/preference-choices';
import { oneOf } from '../../../lib/search-params';
import { sortStrings } from '../../../lib/sort-strings';

/** Chooses the order of my Conversations list. */
export function SortSelect({ value, onChange }: { value: ConversationSort; onChange(sort: ConversationSort): void }) {
  return (
    <TextField
      select
      fullWidth
      size="small"
      label={sortStrings.sort}
      value={value}
      onChange={(e) => onChange(oneOf(CONVERSATION_SORTS, e.target.value) ?? value)}
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
      {CONVERSATION_SORTS.map((option) => (
        <MenuItem key={option} value={option}>
          {sortStrings.sorts[option]}
        </MenuItem>
      ))}
    </TextField>
  );
}
