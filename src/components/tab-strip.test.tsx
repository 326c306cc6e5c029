// @vitest-environment jsdom
import { createTheme, ThemeProvider } from '@mui/material';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { TabStrip } from './tab-strip';

afterEach(cleanup);

type View = 'picklist' | 'mine' | 'history';

function Lists({ direction = 'ltr' }: { direction?: 'ltr' | 'rtl' }) {
  const [view, setView] = useState<View>('mine');
  return (
    <ThemeProvider theme={createTheme({ direction })}>
      <TabStrip<View>
        value={view}
        onChange={setView}
        tabs={[
          { value: 'picklist', label: 'Picklist' },
          { value: 'mine', label: 'Conversations' },
          { value: 'history', label: 'History' },
        ]}
      />
    </ThemeProvider>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });

it('shows which tab is selected and keeps only that one in the Tab order', () => {
  render(<Lists />);
  expect(screen.getByRole('tablist')).toBeTruthy();
  expect(tab('Conversations').getAttribute('aria-selected')).toBe('true');
  expect(tab('Picklist').getAttribute('aria-selected')).toBe('false');
  expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
});

it('selects a tab on click, and with Enter or Space after the arrows moved the focus', async () => {
  const user = userEvent.setup();
  render(<Lists />);
  await user.click(tab('History'));
  expect(tab('History').getAttribute('aria-selected')).toBe('true');
  // Arrows move the focus and wrap around the ends; they do not select.
  await user.keyboard('{ArrowRight}');
  expect(document.activeElement).toBe(tab('Picklist'));
  expect(tab('History').getAttribute('aria-selected')).toBe('true');
  await user.keyboard('{ArrowLeft}{ArrowLeft}');
  expect(document.activeElement).toBe(tab('Conversations'));
  await user.keyboard('{Enter}');
  expect(tab('Conversations').getAttribute('aria-selected')).toBe('true');
  await user.keyboard('{Home}');
  expect(document.activeElement).toBe(tab('Picklist'));
  await user.keyboard(' ');
  expect(tab('Picklist').getAttribute('aria-selected')).toBe('true');
  await user.keyboard('{End}');
  expect(document.activeElement).toBe(tab('History'));
});

it('mirrors the arrows right to left', async () => {
  const user = userEvent.setup();
  render(<Lists direction="rtl" />);
  await user.click(tab('Conversations'));
  await user.keyboard('{ArrowLeft}');
  expect(document.activeElement).toBe(tab('History'));
  await user.keyboard('{ArrowRight}{ArrowRight}');
  expect(document.activeElement).toBe(tab('Picklist'));
});
