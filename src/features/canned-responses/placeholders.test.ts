import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderValues, unknownPlaceholders } from './placeholders';

const conversation = {
  customer: { id: 'c1', name: 'Maria Garcia', email: 'maria@example.com', phone: null, verified: false, externalId: null },
  queue: { id: 'q1', name: 'Billing', address: 'billing@acme.example' },
};
const values = placeholderValues(conversation, { displayName: 'Anna Lindqvist' });

describe('placeholders', () => {
  it('fills each known placeholder from the conversation and its agent, spaces inside the braces allowed', () => {
    const text = 'Hi {{customer.firstName}} ({{ customer.name }}, {{customer.email}}), {{agent.firstName}} of {{queue.name}} here — {{agent.name}}.';
    expect(fillPlaceholders(text, values)).toEqual({
      text: 'Hi Maria (Maria Garcia, maria@example.com), Anna of Billing here — Anna Lindqvist.',
      unfilled: [],
    });
  });

  it('leaves unknown placeholders and ones without a value as written, and lists each once', () => {
    const noEmail = placeholderValues({ ...conversation, customer: { ...conversation.customer, email: null } }, { displayName: 'Anna' });
    expect(fillPlaceholders('Order {{order.id}} for {{customer.email}}; again {{order.id}}; {{Customer.Name}}', noEmail)).toEqual({
      text: 'Order {{order.id}} for {{customer.email}}; again {{order.id}}; {{Customer.Name}}',
      unfilled: ['{{order.id}}', '{{customer.email}}', '{{Customer.Name}}'],
    });
  });

  it('flags, for the editor, only the placeholders no conversation could fill', () => {
    expect(unknownPlaceholders('Hi {{customer.name}}, your {{order.id}} and {{ order.id }} and {{}}')).toEqual(['{{order.id}}', '{{ order.id }}', '{{}}']);
    expect(unknownPlaceholders('No placeholders, {single} braces or {{ unclosed')).toEqual([]);
  });

  it('takes a name with a single word as its own first name', () => {
    expect(placeholderValues({ ...conversation, customer: { ...conversation.customer, name: 'Madonna' } }, { displayName: 'Ben' })['customer.firstName']).toBe('Madonna');
    expect(placeholderValues({ ...conversation, customer: { ...conversation.customer, name: '' } }, { displayName: 'Ben' })['customer.firstName']).toBeNull();
  });
});
