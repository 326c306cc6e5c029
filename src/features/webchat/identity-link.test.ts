import { describe, expect, it } from 'vitest';
import { identityLinkFrom } from './identity-link';

describe('identityLinkFrom', () => {
  it('keeps the exact characters the site signed', () => {
    expect(identityLinkFrom('?queue=Support&customerId=1.50&signature=00ab&name=Ana%20P%C3%A9rez&email=ana%2Bx%40example.com')).toEqual({
      customerId: '1.50',
      signature: '00ab',
      name: 'Ana Pérez',
      email: 'ana+x@example.com',
    });
  });

  it('leaves out what the link does not carry', () => {
    expect(identityLinkFrom('?queue=Support')).toEqual({ customerId: undefined, signature: undefined, name: undefined, email: undefined });
  });
});
