import { describe, expect, it } from 'vitest';
import { DRAWER_SECTIONS, drawerSectionsFor } from './drawer-section';
import { preferenceChange, shownSection, toggleSection } from './side-panel';

const open = { open: true, section: 'notes' } as const;
const closed = { open: false, section: 'details' } as const;

describe('shownSection', () => {
  it('shows the section in the address on every layout', () => {
    for (const layout of ['desktop', 'tablet', 'phone'] as const) {
      expect(shownSection('history', layout, closed, DRAWER_SECTIONS)).toBe('history');
    }
  });

  it('follows the saved preference on a wide screen only', () => {
    expect(shownSection(undefined, 'desktop', open, DRAWER_SECTIONS)).toBe('notes');
    expect(shownSection(undefined, 'desktop', closed, DRAWER_SECTIONS)).toBeUndefined();
    expect(shownSection(undefined, 'tablet', open, DRAWER_SECTIONS)).toBeUndefined();
    expect(shownSection(undefined, 'phone', open, DRAWER_SECTIONS)).toBeUndefined();
    // Until the preferences are in, nothing opens by itself.
    expect(shownSection(undefined, 'desktop', undefined, DRAWER_SECTIONS)).toBeUndefined();
  });

  it('never shows a section the user may not open', () => {
    const agent = drawerSectionsFor('agent');
    expect(shownSection('audit', 'desktop', open, agent)).toBeUndefined();
    expect(shownSection(undefined, 'desktop', { open: true, section: 'audit' }, agent)).toBe('customer');
    expect(shownSection(undefined, 'desktop', { open: true, section: 'audit' }, drawerSectionsFor('supervisor'))).toBe('audit');
    expect(toggleSection({ open: false, section: 'audit' }, agent)).toBe('customer');
    expect(toggleSection(closed, agent)).toBe('details');
    expect(toggleSection(undefined, agent)).toBe('customer');
  });
});

describe('preferenceChange', () => {
  it('saves opening, switching and closing on a wide screen, and only real changes', () => {
    expect(preferenceChange(undefined, 'desktop', open)).toEqual({ open: false });
    expect(preferenceChange(undefined, 'desktop', closed)).toBeNull();
    expect(preferenceChange('customer', 'desktop', open)).toEqual({ open: true, section: 'customer' });
    expect(preferenceChange('details', 'desktop', closed)).toEqual({ open: true, section: 'details' });
    expect(preferenceChange('notes', 'desktop', open)).toBeNull();
  });

  it('saves nothing for the overlay of a tablet or a phone, or before the preferences are in', () => {
    expect(preferenceChange(undefined, 'tablet', open)).toBeNull();
    expect(preferenceChange('customer', 'phone', closed)).toBeNull();
    expect(preferenceChange('customer', 'desktop', undefined)).toBeNull();
  });
});
