import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPTS } from '../contract/prompts';
import { formatWaitMinutes, renderPrompt, SAMPLE_PROMPT_VALUES } from './prompt-render';

describe('renderPrompt', () => {
  it('fills in every placeholder', () => {
    expect(renderPrompt('Hi {customer.name}, welcome to {queue.name}: you are number {queue.position}.', { 'customer.name': 'Ann', 'queue.name': 'Billing', 'queue.position': '3' })).toBe(
      'Hi Ann, welcome to Billing: you are number 3.',
    );
  });

  it('keeps unknown placeholders visible, as written', () => {
    expect(renderPrompt('Hi {customer.nmae} {foo} {}', { 'customer.name': 'Ann' })).toBe('Hi {customer.nmae} {foo} {}');
  });

  it('puts values in as plain text, never markup, and never expands placeholders inside values', () => {
    const out = renderPrompt('Hi {customer.name} in {queue.name}', { 'customer.name': '<b>{queue.name}</b>', 'queue.name': 'Sales & <i>Co</i>' });
    expect(out).toBe('Hi <b>{queue.name}</b> in Sales & <i>Co</i>');
  });

  it('leaves out a line that names a value not known now', () => {
    expect(renderPrompt(DEFAULT_PROMPTS.inQueue.text, { 'queue.position': '2' })).toBe('You are number 2 in the queue.');
    expect(renderPrompt(DEFAULT_PROMPTS.inQueue.text, { 'queue.position': '2', 'queue.estimatedWait': '4 minutes' })).toBe(
      'You are number 2 in the queue.\nEstimated wait about 4 minutes.',
    );
  });

  it('renders every default with the sample values', () => {
    for (const prompt of Object.values(DEFAULT_PROMPTS)) {
      const out = renderPrompt(prompt.text, SAMPLE_PROMPT_VALUES);
      expect(out).not.toMatch(/\{[a-z]+\.[A-Za-z]+\}/);
      expect(out.length).toBeGreaterThan(0);
    }
  });
});

describe('formatWaitMinutes', () => {
  it('reads naturally', () => {
    expect(formatWaitMinutes(0)).toBe('less than a minute');
    expect(formatWaitMinutes(1)).toBe('1 minute');
    expect(formatWaitMinutes(12)).toBe('12 minutes');
  });
});
