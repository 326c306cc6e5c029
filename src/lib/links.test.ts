import { describe, expect, it } from 'vitest';
import { splitLinks, type TextPart } from './links';

const links = (text: string) => splitLinks(text).filter((p): p is Extract<TextPart, { kind: 'link' }> => p.kind === 'link');

describe('splitLinks', () => {
  it('finds web addresses with their scheme or www., email addresses, and mailto and tel links', () => {
    const text = 'See https://example.com/orders?id=42#top or www.acme.example, mail help@acme.example, mailto:billing@acme.example or call tel:+15550100';
    expect(links(text).map((l) => [l.text, l.href])).toEqual([
      ['https://example.com/orders?id=42#top', 'https://example.com/orders?id=42#top'],
      ['www.acme.example', 'https://www.acme.example/'],
      ['help@acme.example', 'mailto:help@acme.example'],
      ['mailto:billing@acme.example', 'mailto:billing@acme.example'],
      ['tel:+15550100', 'tel:+15550100'],
    ]);
  });

  it('gives back the text exactly when the parts are joined', () => {
    const text = 'Line one: http://a.example/x.\n(Also https://b.example/path) and "www.c.example"!';
    expect(splitLinks(text).map((p) => p.text).join('')).toBe(text);
    expect(splitLinks('no links here')).toEqual([{ kind: 'text', text: 'no links here' }]);
    expect(splitLinks('')).toEqual([]);
  });

  it('leaves the punctuation of the sentence or bracket around an address out of the link', () => {
    expect(links('Go to https://example.com.').map((l) => l.text)).toEqual(['https://example.com']);
    expect(links('(see https://example.com/help)').map((l) => l.text)).toEqual(['https://example.com/help']);
    expect(links('Is it https://example.com/a?!').map((l) => l.text)).toEqual(['https://example.com/a']);
    // A bracket the address opened itself is part of it.
    expect(links('https://en.wikipedia.org/wiki/Tree_(graph_theory).').map((l) => l.text)).toEqual(['https://en.wikipedia.org/wiki/Tree_(graph_theory)']);
  });

  it('never makes a link of another scheme: javascript:, data:, file:, vbscript: stay text', () => {
    for (const text of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'ftp://files.example.com/x',
    ]) {
      expect(splitLinks(text), text).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps malformed or doubtful addresses as text', () => {
    for (const text of ['http://', 'https://intranet', 'mailto:', 'mailto:nobody', 'tel:abc', 'tel:1', 'someone@localhost', 'a @ b.com']) {
      expect(links(text), text).toEqual([]);
    }
  });

  it('links a long address as one link, however long', () => {
    const long = `https://example.com/${'segment/'.repeat(60)}end`;
    expect(links(`before ${long} after`).map((l) => l.text)).toEqual([long]);
  });
});
