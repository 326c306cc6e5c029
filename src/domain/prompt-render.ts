import { PROMPT_PLACEHOLDERS, type PromptPlaceholder } from '../contract/prompts';

/**
 * The values a prompt is rendered with; a value left out is not known now (no estimate yet,
 * the queue has no opening hours).
 */
export type PromptValues = Partial<Record<PromptPlaceholder, string>>;

const KNOWN = new Set<string>(PROMPT_PLACEHOLDERS);
// {name} where name is letters, digits and dots: anything else in braces is just text.
const PLACEHOLDER = /\{([A-Za-z][\w.]*)\}/g;

/**
 * A prompt's text with its placeholders filled in, as plain text: values go in as they are, never
 * read as markup or as placeholders themselves (one pass), and whoever shows the result shows it
 * as text. An unknown placeholder (a typo such as {queue.nmae}) stays as written, so the admin's
 * preview shows the mistake. A line that names a known value we do not have is left out whole
 * ("Estimated wait about {queue.estimatedWait}." when there is too little data for an estimate);
 * blank lines that leaves at either end are dropped.
 */
export function renderPrompt(template: string, values: PromptValues): string {
  const lines: string[] = [];
  for (const line of template.split('\n')) {
    let missing = false;
    const rendered = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!KNOWN.has(name)) return whole;
      const value = values[name as PromptPlaceholder];
      if (value === undefined) {
        missing = true;
        return whole;
      }
      return value;
    });
    if (!missing) lines.push(rendered);
  }
  return lines.join('\n').trim();
}

/** How an estimated wait reads in a prompt: "about 3 minutes" reads "3 minutes" here. */
export function formatWaitMinutes(minutes: number): string {
  if (minutes < 1) return 'less than a minute';
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Sample values for the admin's preview. */
export const SAMPLE_PROMPT_VALUES: Required<PromptValues> = {
  'customer.name': 'Alex Morgan',
  'queue.name': 'Support',
  'queue.position': '2',
  'queue.estimatedWait': formatWaitMinutes(4),
  'queue.openingHours': 'Mon–Fri 09:00–17:00',
};
