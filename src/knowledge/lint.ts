import { normalizeText } from '../search/normalize.js';
import { KNOWLEDGE_FILES, type Knowledge } from './load.js';
import type { Problem, ProblemCode } from './types.js';

/**
 * Checks that go beyond loading: things the bot survives but the sheet's owners should fix. Used by `npm run check`.
 * - an alias listed under two items (search cannot tell which one a person means);
 * - a known-gap term that is also an item's alias (the gap would hide that item).
 */
export function lintKnowledge(knowledge: Knowledge): Problem[] {
  const file = KNOWLEDGE_FILES.companion;
  const problems: Problem[] = [];
  const owners = new Map<string, Set<number>>();
  for (const item of knowledge.items) {
    for (const alias of item.aliases) {
      const key = normalizeText(alias).trim();
      owners.set(key, (owners.get(key) ?? new Set()).add(item.no));
    }
  }
  for (const [alias, items] of owners) {
    if (items.size > 1) problems.push({ file, code: 'ambiguous_alias', message: `alias "${alias}" is listed under items ${[...items].join(' and ')}: keep it under one` });
  }
  for (const { topic, terms } of knowledge.gaps) {
    for (const term of terms) {
      const key = normalizeText(term).trim();
      const items = owners.get(key);
      if (items) {
        problems.push({ file: KNOWLEDGE_FILES.gaps, code: 'gap_overlaps_alias', message: `gap term "${term}" (${topic}) is also an alias of item ${[...items].join(', ')}: questions with it will be answered "not covered"` });
      }
    }
  }
  return problems;
}

/** Problems that make `npm run check` fail; the rest are reported as warnings. */
export const FAILING_CODES: ReadonlySet<ProblemCode> = new Set([
  'missing_translation',
  'stale_translation',
  'orphan_translation',
  'missing_category_name',
  'ambiguous_alias',
  'gap_overlaps_alias',
  'alias_analyses_to_nothing',
  'alias_collision',
  'duplicate_example',
  'stale_erratum',
]);
