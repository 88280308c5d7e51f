import { charSet, trimEndChars } from './bounded.js';
import { normalizeText } from './normalize.js';

/**
 * What a message means when it is an item reference rather than a question:
 * - `items`: show these items (a lookup: `29`, `No.29`, `#29`, `29番`, `２９`, `29, 30, 32`, `28-32`);
 * - `unknown`: the message is a reference, but some numbers are not items on the sheet (`No.99`, `No.-1`);
 * - null: not a reference; search it as a question. A number inside a sentence ("is uptime 99.9%?") is not a lookup.
 */
export type ItemReference = { kind: 'items'; numbers: number[] } | { kind: 'unknown'; given: string[]; numbers: number[] };

/** Most items one message can ask for; a longer range is refused rather than flooding the channel. */
export const MAX_ITEMS_PER_LOOKUP = 10;

// A single reference: an optional marker, then a number. Markers: No / No. / # / item / 項目 / 項目番号 / 項番 / 番号;
// suffix 番. "No.-1" and "No.1e9" are still references (to items that do not exist) so they get a clear answer.
const MARKER = String.raw`(?:no\s*\.?|#|item|number|項目番号|項目|項番|番号|問)?`;
const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?`;
const SINGLE = String.raw`${MARKER}\s*(${NUMBER})\s*(?:番)?`;
const RANGE = String.raw`${SINGLE}\s*(?:-|~|〜|–|—|to|から)\s*${SINGLE}`;
const ONE = new RegExp(String.raw`^(?:${RANGE}|${SINGLE})$`, 'u');
const LEAD = /^(?:show(?: me)?|look ?up|open|get|what(?: is|'s)|tell me about|see)\s+/u;
// Trailing punctuation, and one request phrase before it ("29を見せて", "No.5について?", "29は?").
const TRAILING_PUNCTUATION = charSet('?？!！。.、,', true);
const TRAILING_PHRASES = ['を見せて', 'を表示', 'を教えてください', 'を教えて', 'について'];

/**
 * The message without its trailing punctuation and request phrase. A loop from the end, not a regex ending in
 * `[…]*$`: that is quadratic on a long run of punctuation followed by a letter (see bounded.ts).
 */
export function stripReferenceTail(message: string): string {
  const bare = trimEndChars(message, TRAILING_PUNCTUATION);
  // "は?" is a phrase only with its question mark, which the punctuation trim has just removed.
  const asked = bare.length < message.length && message[bare.length] === '?' && bare.endsWith('は') ? 'は' : undefined;
  const phrase = asked ?? TRAILING_PHRASES.find((candidate) => bare.endsWith(candidate));
  return phrase ? bare.slice(0, bare.length - phrase.length).trimEnd() : bare;
}

export function parseItemReference(text: string, knownNumbers: ReadonlySet<number>): ItemReference | null {
  const normalized = normalizeText(text);
  // Every part of a reference has a number: most questions have none, and are not read further.
  if (!/\d/u.test(normalized)) return null;
  let message = stripReferenceTail(normalized.trim()).replace(LEAD, '').trim();
  // Slack renders a leading "#29" fine, but people also type "items 29, 30": drop a plural marker before a list.
  message = message.replace(/^(?:items|nos?\.?)\s+(?=\d)/u, '');
  if (!message) return null;
  const parts = message.split(/\s*(?:,|、|，|;|・|\/|\band\b|&|\s)\s*/u).filter(Boolean);
  // Re-join split ranges ("28 - 32" splits on spaces around the dash).
  const joined: string[] = [];
  for (const part of parts) {
    const last = joined[joined.length - 1];
    if (last !== undefined && (/^(?:-|~|〜|–|—|to|から)$/u.test(part) || /(?:-|~|〜|–|—|to|から)$/u.test(last) || /^(?:番)$/u.test(part))) {
      joined[joined.length - 1] = `${last}${part}`;
    } else if (last !== undefined && /^(?:no\.?|#|item|number|項目番号|項目|項番|番号)$/u.test(last)) {
      joined[joined.length - 1] = `${last}${part}`;
    } else {
      joined.push(part);
    }
  }
  const numbers: number[] = [];
  const unknown: string[] = [];
  for (const part of joined) {
    const match = ONE.exec(part);
    if (!match) return null; // any word that is not a reference makes this a question
    const [, from, to, single] = match;
    const start = from ?? single!;
    const end = to ?? start;
    for (const value of [start, end]) {
      if (!/^\d+$/.test(value) || !knownNumbers.has(Number(value))) unknown.push(value);
    }
    if (unknown.length > 0) continue;
    const a = Number(start);
    const b = Number(end);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (hi - lo >= MAX_ITEMS_PER_LOOKUP * 5) return { kind: 'unknown', given: [`${start}-${end}`], numbers: [] };
    for (let n = lo; n <= hi; n++) if (knownNumbers.has(n) && !numbers.includes(n)) numbers.push(n);
  }
  // A bare "99.9" or "2022" written alone is still a lookup attempt, and gets the "no such item" answer.
  if (unknown.length > 0) return { kind: 'unknown', given: [...new Set(unknown)], numbers };
  return numbers.length > 0 ? { kind: 'items', numbers } : null;
}
