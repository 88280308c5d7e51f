import type { KnowledgeBase } from '../answer/knowledge-base.js';
import type { ModelChooser } from '../answer/model.js';
import type { PendingLoadError } from '../knowledge/reloader.js';
import type { Logger } from '../logging/logger.js';
import type { AccessPolicy, SharedChannels } from './access.js';
import type { ConnectionState } from './connection.js';
import type { EventDeduper } from './dedupe.js';
import type { InFlight } from './in-flight.js';
import type { ChannelRateLimits } from './rate-limit.js';

/** What the Slack listeners need; passed in, so tests build the app with real parts and no module mocking. */
export interface SlackDeps {
  base: KnowledgeBase;
  logger: Logger;
  dedupe: EventDeduper;
  access: AccessPolicy;
  shared: SharedChannels;
  inFlight: InFlight;
  /** Per-channel waits for Slack's rate limits; without it a 429 fails the delivery at once. */
  rateLimits?: ChannelRateLimits;
  /** Socket Mode only: the connection's state, reported by /healthz. */
  connection?: ConnectionState;
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
