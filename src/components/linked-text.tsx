import { useMemo } from 'react';
import { splitLinks } from '../lib/links';

// Inherits the text's colour (readable on the agent's blue bubbles too); underlined to tell it is a link.
const linkStyle = { color: 'inherit', textDecoration: 'underline', overflowWrap: 'anywhere' } as const;

/**
 * Text someone wrote, with its web, email and phone addresses as links (lib/links.ts decides
 * which). Each opens in a new tab, and the page it opens learns nothing of this one. Everything
 * else is rendered as text, never as HTML.
 */
export function LinkedText({ text }: { text: string }) {
  const parts = useMemo(() => splitLinks(text), [text]);
  return parts.map((part, i) =>
    part.kind === 'text' ? (
      part.text
    ) : (
      <a key={i} href={part.href} target="_blank" rel="noopener noreferrer" style={linkStyle}>
        {part.text}
      </a>
    ),
  );
}
