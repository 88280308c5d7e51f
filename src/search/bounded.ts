/**
 * Bounds on the text one message makes the answer core read, and linear-time trimming helpers.
 *
 * Slack messages can be 40,000 characters; real questions stay under 600. Every step of answering reads at most
 * `MAX_QUESTION_CHARS` characters of a message, so a pasted wall of text (or of punctuation) costs what a long
 * question costs. Trailing punctuation is trimmed by scanning from the end rather than with a regex such as
 * `/[?。]*$/`, which backtracking engines try from every position: quadratic on a run of punctuation that does not
 * reach the end ('。'×39,999 then 'x' held the event loop for seconds).
 */

/** The most characters of one message that any step of answering reads (the search reads as many). */
export const MAX_QUESTION_CHARS = 2000;

/** The first `max` characters (UTF-16 units) of the text, never ending in half of a surrogate pair. */
export function questionPrefix(text: string, max = MAX_QUESTION_CHARS): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** The text without its trailing characters that are in `chars` (one linear scan from the end). */
export function trimEndChars(text: string, chars: ReadonlySet<string>): string {
  let end = text.length;
  while (end > 0 && chars.has(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** A set of characters from a string of them, for `trimEndChars`; whitespace is added when `withSpace`. */
export function charSet(chars: string, withSpace = false): ReadonlySet<string> {
  const set = new Set(Array.from(chars));
  if (withSpace) for (const space of WHITESPACE) set.add(space);
  return set;
}

// What `\s` matches in a JavaScript regex (ECMAScript WhiteSpace and LineTerminator).
const WHITESPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
