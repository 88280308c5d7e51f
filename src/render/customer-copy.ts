import type { Decision } from '../answer/decide.js';
import type { Language } from '../answer/language.js';
import type { Knowledge, KnowledgeItem } from '../knowledge/load.js';
import { truncate } from './slack-text.js';
import { STRINGS } from './strings.js';
import { itemName } from './text.js';

/**
 * "Copy for customer": text support staff paste into a reply to a customer. Plain text (no markup, no emoji), in
 * Japanese, English or both as two separate blocks; one message for a whole answer, multi-part questions included.
 * The values are the sheet cell (Japanese) or the reviewed translation (English); what is added around them is
 * wording: an opening line, the item No. as an optional reference, polite sentences for 非公開 and for parts the sheet
 * does not cover, the "not listed" caveat, and a known typo's corrected reading marked as a correction.
 */

export type CopyLanguage = Language | 'both';

/** One question's share of the copy: its items, or none (not covered, or a picker nobody has answered yet). */
export interface CopyPart {
  items: number[];
  /** Named things the question asks about that the item's answer does not state ("ISO 27001"). */
  unlisted?: string[];
  /** The question, for a part without items ("regarding your question …"). */
  q?: string;
}

export interface CopySpec {
  lang: CopyLanguage;
  /** Add "(Reference: check sheet item No.29)" under each item. */
  ref: boolean;
  parts: CopyPart[];
}

/** A question quoted in the copy is cut to this many characters (the spec travels in a 2,000-character button value). */
const QUOTED_QUESTION_MAX = 120;

/**
 * The parts of a reply that a customer copy can be made of; empty when there is nothing to send (help, not covered,
 * a picker). A multi-part answer keeps every part, so the customer hears about the uncovered ones too.
 */
export function copyPartsOf(decision: Decision): CopyPart[] {
  switch (decision.kind) {
    case 'lookup':
    case 'section':
      return [{ items: decision.items.map((item) => item.no) }];
    case 'answered':
      return decision.close ? [] : [{ items: [decision.item.no], ...(decision.unlisted.length > 0 ? { unlisted: decision.unlisted } : {}) }];
    case 'multi': {
      const parts = decision.parts.map(({ question, decision: part }): CopyPart =>
        part.kind === 'answered' && !part.close
          ? { items: [part.item.no], ...(part.unlisted.length > 0 ? { unlisted: part.unlisted } : {}) }
          : { items: [], q: truncate(question, QUOTED_QUESTION_MAX) },
      );
      return parts.some((part) => part.items.length > 0) ? parts : [];
    }
    default:
      return [];
  }
}

/** The sheet's date as people write it: 2022年6月1日 in Japanese, ISO 2022-06-01 in English. */
export function sheetDate(date: string, lang: Language): string {
  const [year, month, day] = date.split('/');
  return lang === 'ja' ? `${year}年${Number(month)}月${Number(day)}日` : `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** The cell with its known typos corrected (errata.yaml); `corrected` lists what was changed. */
function correctedAnswer(item: KnowledgeItem): { text: string; corrected: Array<{ wrong: string; right: string }> } {
  let text = item.answer;
  const corrected: Array<{ wrong: string; right: string }> = [];
  for (const erratum of item.errata) {
    if (erratum.field !== 'answer') continue;
    text = text.split(erratum.wrong).join(erratum.right);
    corrected.push(erratum);
  }
  return { text, corrected };
}

function itemCopy(item: KnowledgeItem, part: CopyPart, lang: Language, ref: boolean): string[] {
  const s = STRINGS[lang];
  const lines = [s.copyItemHeading(itemName(item, lang))];
  if (item.notDisclosed) {
    lines.push(s.copyNotDisclosed);
  } else if (lang === 'en' && item.english.answer !== undefined) {
    lines.push(item.english.answer);
  } else {
    // The Japanese cell: the reading with known typos corrected, and a note saying so; in English copy, a line saying
    // the answer is quoted in Japanese (its translation is stale or missing), not passed off as the English answer.
    const { text, corrected } = correctedAnswer(item);
    lines.push(text, ...corrected.map(({ wrong, right }) => s.copyErratum(wrong, right)), ...(lang === 'en' ? [s.copyUntranslated] : []));
  }
  if (part.unlisted?.length) lines.push(s.copyUnlisted(part.unlisted.join(s.listSeparator)));
  if (ref) lines.push(s.copyReference(item.no));
  return lines;
}

/** The copy in one language, exactly as the customer receives it. */
export function customerCopyText(spec: Pick<CopySpec, 'parts' | 'ref'>, knowledge: Knowledge, lang: Language): string {
  const s = STRINGS[lang];
  const blocks: string[] = [s.copyOpening(sheetDate(knowledge.date, lang))];
  for (const part of spec.parts) {
    const items = part.items.map((no) => knowledge.byNo.get(no)).filter((item): item is KnowledgeItem => item !== undefined);
    if (items.length === 0) blocks.push([s.copyQuestionHeading(part.q ?? ''), s.copyNotCovered].join('\n'));
    for (const item of items) blocks.push(itemCopy(item, part, lang, spec.ref).join('\n'));
  }
  return blocks.join('\n\n');
}

/** The languages a copy spec asks for, Japanese first. */
export const copyLanguages = (lang: CopyLanguage): Language[] => (lang === 'both' ? ['ja', 'en'] : [lang]);
