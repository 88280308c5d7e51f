import { KNOWLEDGE_FILES, type Knowledge } from '../knowledge/load.js';
import type { Problem } from '../knowledge/types.js';
import { Analyzer } from './tokenize.js';

/**
 * Checks of the knowledge folder that need the search's analysis (run by `npm run check`), because what matters is
 * what a word becomes after stemming, stop words and phrase rewrites, not how it is spelt:
 * - an alias that analyses to nothing can never be found (every word is a stop word, or a rewrite removed it);
 * - aliases of two different items that analyse to the same terms (encryption / encrypted) make search guess;
 * - a synonym-group word or an item's qualifier that analyses to nothing does nothing;
 * - an example question listed under two items teaches search both answers.
 */
export function lintAnalysis(knowledge: Knowledge): Problem[] {
  const analyzer = new Analyzer(knowledge.vocabulary);
  const problems: Problem[] = [];
  const byTerms = new Map<string, Map<number, string>>();
  for (const item of knowledge.items) {
    for (const alias of item.aliases) {
      const terms = analyzer.analyze(alias);
      if (terms.length === 0) {
        problems.push({ file: KNOWLEDGE_FILES.companion, code: 'alias_analyses_to_nothing', message: `item ${item.no}: alias "${alias}" analyses to no search term (all stop words?): it can never match` });
        continue;
      }
      const key = terms.join(' ');
      const owners = byTerms.get(key) ?? new Map<number, string>();
      if (!owners.has(item.no)) owners.set(item.no, alias);
      byTerms.set(key, owners);
    }
  }
  for (const [terms, owners] of byTerms) {
    if (owners.size < 2) continue;
    const listed = [...owners].map(([no, alias]) => `"${alias}" (item ${no})`).join(', ');
    problems.push({ file: KNOWLEDGE_FILES.companion, code: 'alias_collision', message: `aliases ${listed} all analyse to "${terms}": search cannot tell the items apart by them; keep it under one item` });
  }
  for (const item of knowledge.items) {
    for (const word of item.qualifiers) {
      if (analyzer.analyze(word).length === 0) problems.push({ file: KNOWLEDGE_FILES.companion, code: 'qualifier_analyses_to_nothing', message: `item ${item.no}: qualifier "${word}" analyses to no search term (a stop word?): no question can use it` });
    }
  }
  for (const group of knowledge.vocabulary.synonyms) {
    for (const word of group) {
      if (analyzer.analyze(word).length === 0) problems.push({ file: KNOWLEDGE_FILES.vocabulary, code: 'synonym_analyses_to_nothing', message: `synonym "${word}" (group "${group[0]}") analyses to no search term: it does nothing` });
    }
  }
  const exampleOwners = new Map<string, number[]>();
  for (const item of knowledge.items) {
    for (const example of new Set(item.examples.map((text) => text.trim().toLowerCase()))) exampleOwners.set(example, [...(exampleOwners.get(example) ?? []), item.no]);
  }
  for (const [example, owners] of exampleOwners) {
    if (owners.length > 1) problems.push({ file: KNOWLEDGE_FILES.examples, code: 'duplicate_example', message: `example "${example}" is listed under items ${owners.join(' and ')}: keep it under the one it asks about` });
  }
  return problems;
}
