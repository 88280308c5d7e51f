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
export const commandWord = (text: string): CommandWord | undefined => COMMAND_WORDS.get(normalizeText(text).trim().replace(/[?？。.!！]+$/u, ''));
