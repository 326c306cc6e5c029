// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { NativeField } from './native-field';

afterEach(cleanup);

function Field(props: Omit<Parameters<typeof NativeField>[0], 'value' | 'onChange'>) {
  const [value, setValue] = useState('');
  return <NativeField {...props} value={value} onChange={(e) => setValue(e.target.value)} />;
}

describe('NativeField', () => {
  it('is a text box named by its label, marked required to assistive technology, that takes what is typed', async () => {
    render(<Field label="Username" autoComplete="username" required />);
    const box = screen.getByRole('textbox', { name: 'Username' });
    expect(box).toHaveProperty('required', true);
    expect(box.getAttribute('autocomplete')).toBe('username');
    // The visible asterisk is not read out after the name.
    expect(screen.getByText('*', { exact: false }).getAttribute('aria-hidden')).toBe('true');
    await userEvent.type(box, 'anna');
    expect((box as HTMLInputElement).value).toBe('anna');
  });

  it('says what is wrong under the field, tied to it, and marks it invalid', () => {
    render(<Field label="Your name" error helperText="Enter your name" />);
    const box = screen.getByRole('textbox', { name: 'Your name' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter your name').id).toBe(box.getAttribute('aria-describedby'));
  });

  it('is not marked invalid, nor described, without an error', () => {
    render(<Field label="Email" type="email" />);
    const box = screen.getByRole('textbox', { name: 'Email' });
    expect(box.getAttribute('aria-invalid')).toBeNull();
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(box.getAttribute('type')).toBe('email');
  });

  it('is a text area of the rows asked for, keeping to its length', async () => {
    render(<Field label="How can we help?" rows={3} maxLength={5} />);
    const area = screen.getByRole('textbox', { name: 'How can we help?' });
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('rows')).toBe('3');
    await userEvent.type(area, 'Hello there');
    expect((area as HTMLTextAreaElement).value).toBe('Hello');
  });

  it('is a select of the choices given, none chosen at first', async () => {
    const options = [
      { value: 'q1', label: 'Support' },
      { value: 'q2', label: 'Billing' },
    ];
    render(<Field label="Topic" options={options} required />);
    const select = screen.getByRole('combobox', { name: 'Topic' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    await userEvent.selectOptions(select, 'Billing');
    expect(select.value).toBe('q2');
  });
});
