/**
 * Links in what people write (messages, notes): web addresses, email addresses and phone links
 * become clickable, nothing else. Only these schemes are ever made a link, so `javascript:`,
 * `data:` and the like stay text whatever a message holds.
 */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

// Candidates: an address with its scheme, one starting with www., or a bare email address. What
// follows the start runs to the next space or character that cannot be in a typed address.
const CANDIDATE = /(?:\b(?:https?:\/\/|mailto:|tel:)|\bwww\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

// Characters that end a sentence more often than an address: "see https://example.com." or "(www.example.com)".
const TRAILING = /[.,;:!?'"*_]$/;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const count = (text: string, char: string) => text.split(char).length - 1;

/** The address without the punctuation that closes the sentence or bracket around it. */
function trimEnd(candidate: string): string {
  let end = candidate;
  for (;;) {
    const last = end.at(-1) ?? '';
    const opener = CLOSERS[last];
    // A closing bracket stays when the address opened it: https://en.wikipedia.org/wiki/Tree_(graph).
    if (opener !== undefined && count(end, last) > count(end, opener)) end = end.slice(0, -1);
    else if (TRAILING.test(end)) end = end.slice(0, -1);
    else return end;
  }
}

/** The link an address stands for, or null when it is not one we open. */
function hrefOf(text: string): string | null {
  const lower = text.toLowerCase();
  const candidate = lower.startsWith('www.') ? `https://${text}` : /^[a-z][a-z0-9+.-]*:/.test(lower) ? text : `mailto:${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!SCHEMES.has(url.protocol)) return null;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(url.pathname))) return null;
  if (url.protocol === 'tel:' && !/^\+?[\d\s().-]{3,}$/.test(decodeURIComponent(url.pathname))) return null;
  return url.href;
}

/** `text` as plain runs and links, in order; joined, the parts give back `text` exactly. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let plain = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const linkText = trimEnd(match[0]);
    const href = linkText ? hrefOf(linkText) : null;
    if (!href) continue;
    if (match.index > plain) parts.push({ kind: 'text', text: text.slice(plain, match.index) });
    parts.push({ kind: 'link', text: linkText, href });
    plain = match.index + linkText.length;
  }
  if (plain < text.length) parts.push({ kind: 'text', text: text.slice(plain) });
  return parts;
}
