import type { KnowledgeBase } from '../answer/knowledge-base.js';
import type { ModelChooser } from '../answer/model.js';
import type { PendingLoadError } from '../knowledge/reloader.js';
import type { Logger } from '../logging/logger.js';
import type { AccessPolicy, SharedChannels } from './access.js';
import type { EventDeduper } from './dedupe.js';
import type { InFlight } from './in-flight.js';

/** What the Slack listeners need; passed in, so tests build the app with real parts and no module mocking. */
export interface SlackDeps {
  base: KnowledgeBase;
  logger: Logger;
  dedupe: EventDeduper;
  access: AccessPolicy;
  shared: SharedChannels;
  inFlight: InFlight;
  /** A rejected edit of the knowledge folder still on disk (the previous version serving), for /healthz. */
  pendingKnowledgeError?: () => PendingLoadError | undefined;
  /** Milliseconds clock for latency figures. */
  clock?: () => number;
  /** The optional model layer; absent means search only (no network calls besides Slack). */
  model?: {
    chooser: ModelChooser;
    /** LLM_TIMEOUT_MS: the model's whole budget. */
    timeoutMs: number;
    /** How long a Slack user waits for the model before getting the search answer instead. */
    patienceMs: number;
  };
}
