import { statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/logger.js';
import { formatProblem, KNOWLEDGE_FILES, KnowledgeError, loadKnowledge, type Knowledge } from './load.js';

export type ReloadResult = { status: 'reloaded'; knowledge: Knowledge } | { status: 'unchanged' } | { status: 'rejected'; problems: string[] };

/** An edit on disk that could not be loaded: the previous version keeps serving until the folder loads again. */
export interface PendingLoadError {
  problems: string[];
  /** When this set of problems was first seen. */
  since: Date;
}

export interface ReloaderOptions {
  /** Editors save in bursts (write, rename, chmod): wait this long after the last change. Default 300 ms. */
  debounceMs?: number;
  /**
   * How often the files' fingerprint (inode, size, times, through symlinks) is compared with the last one loaded, for
   * changes fs.watch does not report: a Kubernetes ConfigMap update (its `..data` symlink renamed over), the whole
   * folder renamed away and replaced, network file systems. Default 2,000 ms; 0 turns polling off.
   */
  pollMs?: number;
  /** For `PendingLoadError.since`. */
  now?: () => Date;
}

/** What identifies the current content of the knowledge files without reading them: cheap enough to poll. */
function fingerprintOf(dir: string): string {
  return Object.values(KNOWLEDGE_FILES)
    .map((name) => {
      try {
        const stat = statSync(join(dir, name)); // follows symlinks: a ConfigMap's files point through ..data
        return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
      } catch {
        return 'missing';
      }
    })
    .join('|');
}

/** Which folder `dir` names right now (device and inode), or undefined while there is none. */
function folderIdentity(dir: string): string | undefined {
  try {
    const stat = statSync(dir);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Watches the knowledge folder and swaps in a new version when its files change. The new sheet and translations are
 * loaded and fully validated first, then handed to `apply` in one step; a broken edit is logged with its file and line
 * numbers, kept as `pendingError` (shown by /healthz) and the previous version keeps serving. Nothing is reloaded when
 * the content is unchanged.
 *
 * Changes are noticed two ways: fs.watch on the folder (fast, for ordinary edits), and a poll of the files'
 * fingerprint (for what fs.watch misses). The poll also re-arms the watch when the path names a different folder than
 * the one watched, so edits after a folder swap are seen at once again.
 */
export class KnowledgeReloader {
  private watcher?: FSWatcher;
  private watchedFolder?: string;
  private poller?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;
  private fingerprint = '';
  private pending?: PendingLoadError;
  private readonly debounceMs: number;
  private readonly pollMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly dir: string,
    private readonly current: () => Knowledge,
    private readonly apply: (knowledge: Knowledge) => void,
    private readonly logger: Logger,
    options: ReloaderOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 300;
    this.pollMs = options.pollMs ?? 2_000;
    this.now = options.now ?? (() => new Date());
  }

  /** The edit on disk that was rejected, while it is still there; undefined when the folder loads. */
  get pendingError(): PendingLoadError | undefined {
    return this.pending;
  }

  start(): void {
    this.fingerprint = fingerprintOf(this.dir);
    this.arm();
    if (this.pollMs > 0) {
      this.poller = setInterval(() => this.poll(), this.pollMs);
      this.poller.unref();
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.poller);
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Watches the folder the path names now; does nothing when that folder is already watched. */
  private arm(): void {
    const folder = folderIdentity(this.dir);
    if (folder === this.watchedFolder && this.watcher) return;
    this.watcher?.close();
    this.watcher = undefined;
    this.watchedFolder = folder;
    if (!folder) return; // gone for now (mid-swap): the poll re-arms once a folder is back
    try {
      // The folder, not the files: editors save by writing a new file and renaming it over the old one, and a
      // ConfigMap swaps its ..data symlink. Any event only schedules a fingerprint check.
      this.watcher = watch(this.dir, () => this.schedule());
      this.watcher.on('error', (error) => {
        this.logger.warn({ event: 'knowledge_watch_failed', dir: this.dir, err: error }, 'cannot watch the knowledge folder; polling for changes instead');
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch (error) {
      this.logger.warn({ event: 'knowledge_watch_failed', dir: this.dir, err: error }, 'cannot watch the knowledge folder; polling for changes instead');
    }
  }

  private poll(): void {
    this.arm();
    if (fingerprintOf(this.dir) !== this.fingerprint) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const fingerprint = fingerprintOf(this.dir);
      if (fingerprint === this.fingerprint) return;
      this.fingerprint = fingerprint; // taken before reading, so a change during the load is seen by the next poll
      this.reload();
    }, this.debounceMs);
  }

  /** Loads the folder now; applies it only when valid and different from what is served. */
  reload(): ReloadResult {
    const previous = this.current();
    let next: Knowledge;
    try {
      next = loadKnowledge(this.dir);
    } catch (error) {
      if (!(error instanceof KnowledgeError)) throw error;
      const problems = error.problems.map(formatProblem);
      if (this.pending?.problems.join('\n') !== problems.join('\n')) {
        this.pending = { problems, since: this.now() };
        this.logger.error({ event: 'knowledge_rejected', dir: this.dir, problems, serving: previous.version }, `the edited knowledge folder has ${problems.length} error(s); still serving version ${previous.version}`);
      }
      return { status: 'rejected', problems };
    }
    if (this.pending) {
      this.logger.info({ event: 'knowledge_rejection_cleared', dir: this.dir }, 'the knowledge folder loads again');
      this.pending = undefined;
    }
    if (next.version === previous.version) return { status: 'unchanged' };
    this.apply(next);
    this.logger.info(
      { event: 'knowledge_reloaded', from: previous.version, to: next.version, items: next.items.length, date: next.date, warnings: next.warnings.map(formatProblem) },
      `knowledge reloaded: version ${next.version}`,
    );
    return { status: 'reloaded', knowledge: next };
  }
}
