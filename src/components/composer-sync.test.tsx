// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from './composer';

afterEach(cleanup);

/** A composer whose saved draft the test changes, as draft.saved events do. */
function setup(initialText = '') {
  const onTextChange = vi.fn();
  const view = render(<Composer onSend={() => undefined} initialText={initialText} syncedText={initialText} onTextChange={onTextChange} />);
  const sync = (syncedText: string) =>
    view.rerender(<Composer onSend={() => undefined} initialText={initialText} syncedText={syncedText} onTextChange={onTextChange} />);
  const field = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { sync, field, onTextChange };
}

describe('Composer with a draft saved elsewhere', () => {
  it('takes another device’s draft while nothing was typed here, without saving it again', () => {
    const { sync, field, onTextChange } = setup('Hello');
    sync('Hello, I am checking your order');
    expect(field().value).toBe('Hello, I am checking your order');
    sync('');
    expect(field().value).toBe('');
    expect(onTextChange).not.toHaveBeenCalled();
  });

  it('keeps what the user is typing here over another device’s draft', async () => {
    const { sync, field } = setup('Hello');
    await userEvent.type(field(), ' there');
    sync('Something from the phone');
    expect(field().value).toBe('Hello there');
  });

  it('does not take the late answer to its own save for another device’s draft (a sent text stays gone)', async () => {
    const { sync, field } = setup();
    await userEvent.type(field(), 'Thanks!');
    await userEvent.keyboard('{Enter}');
    expect(field().value).toBe('');
    // The save of "Thanks!" answers after the send emptied the field.
    sync('Thanks!');
    expect(field().value).toBe('');
    sync('');
    // Then another device writes, and this composer follows again.
    sync('From the desk');
    expect(field().value).toBe('From the desk');
  });
});
