import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot as startBotProcess } from '../../src/main.js';

/** A new, empty folder for a bot's embedded database. */
export const freshDataDir = (): string => mkdtempSync(join(tmpdir(), 'store-'));

/**
 * `startBot` for tests: the bot's embedded store goes to a fresh temporary DATA_DIR unless the test names one, so test
 * files running at once never open the same database file (the default ./data is one file per checkout).
 */
export const startBot: typeof startBotProcess = (env = {}, ...rest) => startBotProcess({ DATA_DIR: freshDataDir(), ...env }, ...rest);
