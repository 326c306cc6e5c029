import { Box } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { searchStrings } from '../../../lib/staff-page-strings';

interface Props {
  value: string;
  onChange(value: string): void;
  /** ↓ from the box: into the results. */
  onEnterResults(): void;
}

/**
 * The panel's one search box: a native search field (Escape empties it, as browsers do), kept
 * light because it is on the agent's first screen; the results' code loads with the first search.
 */
export function SearchBox({ value, onChange, onEnterResults }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && value.trim() !== '') {
      e.preventDefault();
      onEnterResults();
    }
    if (e.key === 'Escape' && value !== '') onChange('');
  };
  return (
    <Box role="search" sx={{ px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Box
        component="input"
        type="search"
        aria-label={searchStrings.label}
        placeholder={searchStrings.placeholder}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
        sx={{
          width: '100%',
          boxSizing: 'border-box',
          font: 'inherit',
          fontSize: 14,
          px: 1.5,
          py: 1,
          borderRadius: 1,
          border: 1,
          borderColor: 'divider',
          bgcolor: 'background.default',
          color: 'text.primary',
          '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main', outlineOffset: -1 },
          // A finger's size on touch screens, as every other control there (touch.css).
          '@media (pointer: coarse)': { minHeight: 44 },
        }}
      />
    </Box>
  );
}
