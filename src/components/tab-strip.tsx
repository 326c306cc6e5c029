import { Box, ButtonBase } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T extends string> {
  value: T;
  onChange(value: T): void;
  tabs: readonly { value: T; label: ReactNode }[];
}

/**
 * A row of equal-width tabs, as MUI's fullWidth Tabs draw them, for the lists' switch in the agent
 * panel's first load: MUI's Tabs bring scroll buttons, a measured sliding indicator and a roving
 * focus helper (about 8 KB gzip) that three fixed tabs do not need. It keeps the tab pattern: one
 * tab in the Tab order (the selected one), arrow keys move between tabs (mirrored right to left),
 * Home and End go to the ends, Enter, Space or a click selects.
 */
export function TabStrip<T extends string>({ value, onChange, tabs }: Props<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const rtl = useTheme().direction === 'rtl';
  const onKeyDown = (e: KeyboardEvent, at: number) => {
    const last = tabs.length - 1;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const to = e.key === forward ? (at === last ? 0 : at + 1) : e.key === back ? (at === 0 ? last : at - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (to < 0) return;
    e.preventDefault();
    buttons.current[to]?.focus();
  };
  return (
    <Box role="tablist" sx={{ display: 'flex', borderBottom: 1, borderColor: 'divider' }}>
      {tabs.map((tab, i) => {
        const selected = tab.value === value;
        return (
          <ButtonBase
            key={tab.value}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
            sx={{
              flex: 1,
              minWidth: 0,
              minHeight: 48,
              px: 2,
              typography: 'button',
              color: selected ? 'primary.main' : 'text.secondary',
              // The indicator: a bar along the selected tab's bottom edge.
              '&::after': selected ? { content: '""', position: 'absolute', insetInline: 0, bottom: 0, height: 2, bgcolor: 'primary.main' } : undefined,
              '&:hover': { color: selected ? 'primary.main' : 'text.primary' },
            }}
          >
            {tab.label}
          </ButtonBase>
        );
      })}
    </Box>
  );
}
