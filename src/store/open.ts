import { join } from 'node:path';
import { EMBEDDED_FILE, loadStoreConfig, withoutPassword, type StoreConfig } from './config.js';
import { Store } from './store.js';

/** The store cannot be opened or migrated: the bot does not start (one line, exit 2). */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/**
 * Opens the configured store and brings its schema up to date. `onBackgroundError` receives errors of idle
 * PostgreSQL connections (a server restart), which would otherwise crash the process.
 */
export async function openStore(config: StoreConfig, onBackgroundError: (error: Error) => void = () => undefined): Promise<{ store: Store; migrated: number[] }> {
  let store: Store | undefined;
  const { databaseUrl } = config;
  const embeddedFile = join(config.dataDir, EMBEDDED_FILE);
  const where = databaseUrl ? `PostgreSQL at ${withoutPassword(databaseUrl)}` : `the embedded database ${embeddedFile}`;
  try {
    // Only the configured engine's driver is loaded: the other would take memory for nothing.
    store = new Store(databaseUrl ? (await import('./postgres.js')).openPostgres(databaseUrl, onBackgroundError) : (await import('./sqlite.js')).openEmbedded(embeddedFile));
    const migrated = await store.migrate();
    return { store, migrated };
  } catch (error) {
    await store?.close().catch(() => undefined);
    const message = ((error as Error).message || String((error as { code?: string }).code ?? error)).split('\n')[0];
    throw new StoreUnavailableError(`cannot open ${where}: ${message}`);
  }
}

/** For the CLIs: the store from the environment, or one line on `err` (then exit 2). */
export async function openStoreFromEnv(env: NodeJS.ProcessEnv, err: (line: string) => void, command: string): Promise<Store | undefined> {
  const config = loadStoreConfig(env);
  if (!config.ok) {
    err(`${command}: ${config.error}`);
    return undefined;
  }
  try {
    return (await openStore(config.config)).store;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    err(`${command}: ${error.message}`);
    return undefined;
  }
}
