import { SEARCH_SNIPPET_LENGTH } from '../contract/limits';
import type { SearchSegment } from '../contract/search';
import { ApiError } from './api-error';

/*
 * How the panel's search reads what was typed and marks what it found, for the server and the
 * mocks alike. The server finds messages with PostgreSQL full-text search ('simple' config: no
 * language's stemming or stop words, so every language's words match as written) and customers by
 * part of a field; this module turns the typed text into that query and the found text into
 * marked segments, so both sides answer with the same marks.
 */

/** Words are runs of letters and digits: all a term may contain, so a term is never tsquery syntax. */
const WORD = /[\p{L}\p{N}]+/gu;
/** More words than this narrow nothing a person needs and only make the query longer. */
const MAX_TERMS = 8;

/** The words of what was typed, lower-case, each once, in order. */
export function searchTerms(typed: string): string[] {
  const words = typed.toLowerCase().match(WORD) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** 400 for text without a word: nothing could match it. */
export const noSearchTerms = () =>
  new ApiError(400, 'invalid_search', 'Type at least one letter or digit to search.', { fields: { q: 'Type at least one letter or digit to search.' } });

/**
 * The tsquery text for `to_tsquery('simple', …)`: every term, each as a prefix (`'refu':*` finds
 * "refund"). Terms hold letters and digits only (searchTerms), and are quoted besides.
 */
export function prefixTsQuery(terms: readonly string[]): string {
  if (terms.length === 0) throw noSearchTerms();
  return terms.map((t) => `'${t}':*`).join(' & ');
}

/** Whether every term starts some word of `text`: the mocks' stand-in for the tsquery match. */
export function matchesEveryTerm(text: string, terms: readonly string[]): boolean {
  const words = text.toLowerCase().match(WORD) ?? [];
  return terms.length > 0 && terms.every((t) => words.some((w) => w.startsWith(t)));
}

/** Whether `text` contains what was typed (trimmed), in any case: the customer fields' other match. */
export const containsTyped = (text: string | null, typed: string): boolean =>
  text !== null && typed.trim() !== '' && text.toLowerCase().includes(typed.trim().toLowerCase());

type Range = [start: number, end: number];

/** Where `text` matches: each word a term starts, and each place holding the whole typed text. */
function matchRanges(text: string, typed: string, terms: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (const word of text.matchAll(WORD)) {
    const lower = word[0].toLowerCase();
    if (terms.some((t) => lower.startsWith(t))) ranges.push([word.index, word.index + word[0].length]);
  }
  const needle = typed.trim().toLowerCase();
  // Only when it is more than one word: one word is already marked as a word above.
  if (needle !== '' && !terms.includes(needle)) {
    const haystack = text.toLowerCase();
    // Lower-casing keeps the length of nearly all text; where it does not, skip this kind of mark.
    if (haystack.length === text.length) {
      for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function segmentsOf(text: string, ranges: readonly Range[], from: number, to: number): SearchSegment[] {
  const segments: SearchSegment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    if (s > at) segments.push({ text: text.slice(at, s), match: false });
    const e = Math.min(end, to);
    segments.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false });
  return segments;
}

/** The whole of `text` as segments, its matches marked (customer fields: short). */
export function highlight(text: string, typed: string): SearchSegment[] {
  return segmentsOf(text, matchRanges(text, typed, searchTerms(typed)), 0, text.length);
}

/**
 * About SEARCH_SNIPPET_LENGTH characters of `text` around its first match, cut at spaces, with
 * `…` where text was left out; the text's start when nothing is marked (the database's parser
 * splits some words differently, e.g. at `+` in a phone number).
 */
export function snippet(text: string, typed: string, length = SEARCH_SNIPPET_LENGTH): SearchSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, typed, searchTerms(typed));
  if (flat.length <= length) return segmentsOf(flat, ranges, 0, flat.length);
  const first = ranges[0]?.[0] ?? 0;
  // A third of the room before the match, the rest after it.
  let from = Math.max(0, Math.min(first - Math.floor(length / 3), flat.length - length));
  let to = Math.min(flat.length, from + length);
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    if (space !== -1 && space < first) from = space + 1;
  }
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > Math.max(from, ranges[0]?.[1] ?? from)) to = space;
  }
  const segments = segmentsOf(flat, ranges, from, to);
  if (from > 0) segments.unshift({ text: '… ', match: false });
  if (to < flat.length) segments.push({ text: ' …', match: false });
  return segments;
}
