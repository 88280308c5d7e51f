import type { KnowledgeBase } from '../answer/knowledge-base.js';
import type { Logger } from '../logging/logger.js';
import type { EventDeduper } from './dedupe.js';

/** What the Slack listeners need; passed in, so tests build the app with real parts and no module mocking. */
export interface SlackDeps {
  base: KnowledgeBase;
  logger: Logger;
  dedupe: EventDeduper;
  /** Milliseconds clock for latency figures. */
  clock?: () => number;
}
