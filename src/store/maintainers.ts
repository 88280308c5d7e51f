import type { KnowledgeBase } from '../answer/knowledge-base.js';
import type { MaintainerTools } from '../slack/deps.js';
import type { Learning } from './learning.js';
import { buildReport, renderReport } from './report.js';
import type { Store } from './store.js';

/** The maintainers' tools over the store: who may use them (MAINTAINER_USER_IDS), the report, the review. */
export function maintainerTools(store: Store, learning: Learning, base: KnowledgeBase, maintainerIds: readonly string[], now: () => number = Date.now): MaintainerTools {
  const ids = new Set(maintainerIds);
  return {
    isMaintainer: (user) => user !== undefined && ids.has(user),
    report: async (sinceMs) => renderReport(await buildReport(store, base.knowledge, now() - sinceMs, now())),
    pending: (limit) => store.proposals('pending', limit),
    proposal: (id) => store.proposal(id),
    decide: (id, status, by) => learning.decide(id, status, by),
  };
}
