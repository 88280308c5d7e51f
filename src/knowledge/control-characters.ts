/**
 * Characters the knowledge files must not carry into an answer: C0 and C1 control characters (NUL, BEL, ESC, a
 * stray CR, DEL…) and the bidirectional embedding, override and isolate marks, which make text display other than it
 * reads. Tab and line feed are structure (the sheet's separators, YAML's block text), not content.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL', 0x202e: 'RIGHT-TO-LEFT OVERRIDE' };

export interface ControlCharacter {
  /** Index in the text searched. */
  index: number;
  /** For messages: U+0000 (NUL). */
  label: string;
}

/** The first control character in `text`, or undefined when there is none. */
export function findControlCharacter(text: string): ControlCharacter | undefined {
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0)!;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return { index: match.index, label: NAMES[codePoint] ? `${hex} (${NAMES[codePoint]})` : hex };
}
