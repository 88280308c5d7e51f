import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../logging/logger.js';
import { formatProblem, KNOWLEDGE_FILES, KnowledgeError, loadKnowledge, type Knowledge } from './load.js';

export type ReloadResult = { status: 'reloaded'; knowledge: Knowledge } | { status: 'unchanged' } | { status: 'rejected'; problems: string[] };

export interface ReloaderOptions {
  /** Editors save in bursts (write, rename, chmod): wait this long after the last change. Default 300 ms. */
  debounceMs?: number;
}

/**
 * Watches the knowledge folder and swaps in a new version when its files change. The new sheet and translations are
 * loaded and fully validated first, then handed to `apply` in one step; a broken edit is logged with its file and line
 * numbers and the previous version keeps serving. Nothing is reloaded when the content is unchanged.
 */
export class KnowledgeReloader {
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private readonly debounceMs: number;

  constructor(
    private readonly dir: string,
    private readonly current: () => Knowledge,
    private readonly apply: (knowledge: Knowledge) => void,
    private readonly logger: Logger,
    options: ReloaderOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 300;
  }

  start(): void {
    const watched = new Set<string>(Object.values(KNOWLEDGE_FILES));
    // Watching the folder, not the files: editors often save by writing a new file and renaming it over the old one.
    this.watcher = watch(this.dir, (_event, name) => {
      if (name && !watched.has(name)) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.reload(), this.debounceMs);
    });
    this.watcher.on('error', (error) => this.logger.error({ event: 'knowledge_watch_failed', dir: this.dir, err: error }, 'cannot watch the knowledge folder; restart to pick up edits'));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
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
      this.logger.error({ event: 'knowledge_rejected', dir: this.dir, problems, serving: previous.version }, `the edited knowledge folder has ${problems.length} error(s); still serving version ${previous.version}`);
      return { status: 'rejected', problems };
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
