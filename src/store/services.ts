import type { Logger } from '../logging/logger.js';
import type { SharedChannels } from '../slack/access.js';
import { DEDUPE_TTL_MS } from '../slack/dedupe.js';
import type { Learning } from './learning.js';
import type { BatchingRecorder } from './recorder.js';
import type { Store } from './store.js';

export interface StoreServiceOptions {
  store: Store;
  recorder: BatchingRecorder;
  learning: Learning;
  shared: SharedChannels;
  retentionDays: number;
  logger: Logger;
  /** How often approved examples and shared channels are read back (what other replicas and the CLI changed). Default 30 s. */
  syncMs?: number;
  /** How often old records are purged. Default 6 h (and once at start). */
  purgeMs?: number;
}

/**
 * The store's background work in the bot: reading back what other processes wrote (approved examples, shared
 * channels) and purging records past RETENTION_DAYS. Failures only mark the store degraded.
 */
export function startStoreServices(options: StoreServiceOptions): { sync: () => Promise<void>; stop: () => void } {
  const { store, recorder, learning, shared, logger } = options;
  const sync = async (): Promise<void> => {
    try {
      await learning.refresh();
      shared.adopt(await store.sharedChannels());
      recorder.noteSuccess();
    } catch (error) {
      recorder.noteFailure('reading approved examples and shared channels', error);
    }
  };
  const purge = async (): Promise<void> => {
    try {
      const deleted = await store.purge(options.retentionDays, DEDUPE_TTL_MS);
      if (deleted > 0) logger.info({ event: 'records_purged', deleted, retentionDays: options.retentionDays }, `deleted ${deleted} record(s) older than ${options.retentionDays} days`);
    } catch (error) {
      recorder.noteFailure('purging old records', error);
    }
  };
  void purge();
  const syncTimer = setInterval(() => void sync(), options.syncMs ?? 30_000).unref();
  const purgeTimer = setInterval(() => void purge(), options.purgeMs ?? 6 * 3_600_000).unref();
  return {
    sync,
    stop: () => {
      clearInterval(syncTimer);
      clearInterval(purgeTimer);
    },
  };
}
