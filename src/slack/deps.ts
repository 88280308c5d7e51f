import type { KnowledgeBase } from '../answer/knowledge-base.js';
import type { ModelChooser } from '../answer/model.js';
import type { PendingLoadError } from '../knowledge/reloader.js';
import type { Logger } from '../logging/logger.js';
import type { AccessPolicy, SharedChannels } from './access.js';
import type { Proposal } from '../store/records.js';
import type { Recorder, StoreStatus } from '../store/recorder.js';
import type { ConnectionState } from './connection.js';
import type { Deduper } from './dedupe.js';
import type { InFlight } from './in-flight.js';
import type { ChannelRateLimits } from './rate-limit.js';

/** What the Slack listeners need; passed in, so tests build the app with real parts and no module mocking. */
export interface SlackDeps {
  base: KnowledgeBase;
  logger: Logger;
  dedupe: Deduper;
  /** Keeps answers, feedback, picks and disclosures (queued; written after the reply). Absent: nothing is kept. */
  recorder?: Recorder;
  /** The store's state for the health output. */
  storeStatus?: () => StoreStatus;
  /** What MAINTAINER_USER_IDS may do from Slack: the report and the review of learned examples. */
  maintainers?: MaintainerTools;
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

/** The maintainers' tools, as the Slack listeners see them (implemented over the store in src/store/maintainers.ts). */
export interface MaintainerTools {
  isMaintainer: (user: string | undefined) => boolean;
  /** The report as text, for the last `sinceMs` milliseconds. */
  report: (sinceMs: number) => Promise<string>;
  pending: (limit: number) => Promise<Proposal[]>;
  proposal: (id: string) => Promise<Proposal | undefined>;
  /** Approves (in effect at once) or rejects a pending proposal; false when it was not pending. */
  decide: (id: string, status: 'approved' | 'rejected', by: string) => Promise<boolean>;
}
