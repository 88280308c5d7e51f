import type { Knowledge } from './load.js';

/** A question a maintainer confirmed is about an item (from a picker choice or a 👍). */
export interface LearnedExample {
  question: string;
  item: number;
}

/**
 * The knowledge with approved examples added as extra phrasings (aliases) of their items. Aliases only help search
 * find an item; no cell is touched, so an answer's value stays the sheet's. Examples for items no longer on the
 * sheet are ignored. The version stays the sheet's: answers are cited against the sheet, not the examples.
 */
export function withLearnedPhrasings(knowledge: Knowledge, examples: readonly LearnedExample[]): Knowledge {
  const byItem = new Map<number, string[]>();
  for (const { question, item } of examples) if (knowledge.byNo.has(item)) byItem.set(item, [...(byItem.get(item) ?? []), question]);
  if (byItem.size === 0) return knowledge;
  const items = knowledge.items.map((item) => {
    const learned = byItem.get(item.no)?.filter((question) => !item.aliases.includes(question));
    return learned?.length ? { ...item, aliases: [...item.aliases, ...learned] } : item;
  });
  return { ...knowledge, items, byNo: new Map(items.map((item) => [item.no, item])) };
}
