import { charSet, trimEndChars } from '../search/bounded.js';
import { normalizeText } from '../search/normalize.js';

/**
 * Words that ask for the bot itself rather than the sheet's content: the item list, the sheet version, usage help.
 * The same words in `/checklist` and `npm run ask`, so both behave alike.
 */
export type CommandWord = 'list' | 'version' | 'help';

const COMMAND_WORDS: ReadonlyMap<string, CommandWord> = new Map([
  ['list', 'list'],
  ['一覧', 'list'],
  ['いちらん', 'list'],
  ['version', 'version'],
  ['バージョン', 'version'],
  ['help', 'help'],
  ['ヘルプ', 'help'],
  ['使い方', 'help'],
]);

/** The command a whole message is (`list`, `一覧`, `version`, `ヘルプ` …, any case or width), or undefined. */
export const commandWord = (text: string): CommandWord | undefined => COMMAND_WORDS.get(trimEndChars(normalizeText(text).trim(), TRAILING_PUNCTUATION));

// Trimmed by a scan from the end: a regex `[…]+$` is quadratic on a long run of them (see search/bounded.ts).
const TRAILING_PUNCTUATION = charSet('?？。.!！');
