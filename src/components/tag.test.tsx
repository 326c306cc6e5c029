// @vitest-environment jsdom
import { createTheme, ThemeProvider } from '@mui/material';
import { cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, expect, it } from 'vitest';
import { Tag } from './tag';

afterEach(cleanup);

const theme = createTheme({ cssVariables: true });

it('shows its icon and label, and passes role, name, focus and ref to its element', () => {
  const ref = createRef<HTMLSpanElement>();
  render(
    <ThemeProvider theme={theme}>
      <Tag ref={ref} role="status" aria-label="Connection: Live" tabIndex={0} icon={<svg data-testid="dot" />} label="Live" />
    </ThemeProvider>,
  );
  const tag = screen.getByRole('status', { name: 'Connection: Live' });
  expect(tag.textContent).toBe('Live');
  expect(tag.tabIndex).toBe(0);
  expect(tag.firstElementChild).toBe(screen.getByTestId('dot'));
  // A Tooltip around it needs the element itself.
  expect(ref.current).toBe(tag);
});

it('fills with the colour asked for, and outlines by default', () => {
  render(
    <ThemeProvider theme={theme}>
      <Tag label="Support" />
      <Tag label="3/3" variant="filled" color="warning" />
    </ThemeProvider>,
  );
  const outlined = getComputedStyle(screen.getByText('Support'));
  const filled = getComputedStyle(screen.getByText('3/3'));
  expect(outlined.borderStyle).toBe('solid');
  expect(outlined.backgroundColor).toBe('rgba(0, 0, 0, 0)');
  expect(filled.backgroundColor).toContain('--mui-palette-warning-main');
  expect(filled.color).toContain('--mui-palette-warning-contrasttext');
});
