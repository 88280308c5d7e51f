import { z } from 'zod';

/** The four sections of the METI cloud service level checklist, in sheet order. */
export const SECTION_NAMES = ['アプリケーション運用', 'サポート', 'データ管理', 'セキュリティ'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** The Japanese answer the company gives when it declines to disclose a figure. */
export const NOT_DISCLOSED = '非公開';

/** One row of the sheet, exactly as written there (cells are never rewritten). */
export const ItemSchema = z.object({
  no: z.number().int().positive(),
  section: z.enum(SECTION_NAMES),
  category: z.string().min(1),
  name: z.string().min(1),
  definition: z.string().min(1),
  unit: z.string().min(1),
  answer: z.string().min(1),
  /** 1-based line of the sheet the row came from, for error messages and citations. */
  line: z.number().int().positive(),
  /** True when the category cell was missing and the later cells were shifted back into place. */
  realigned: z.boolean(),
});
export type Item = z.infer<typeof ItemSchema>;

export const SheetSchema = z.object({
  title: z.string().min(1),
  company: z.string().min(1),
  /** As written on the sheet, e.g. 2022/6/1. */
  date: z.string().regex(/^\d{4}\/\d{1,2}\/\d{1,2}$/),
  items: z.array(ItemSchema).min(1),
});
export type Sheet = z.infer<typeof SheetSchema>;

/** The reviewed English companion of one item. */
export const TranslationSchema = z.object({
  name: z.string().min(1),
  definition: z.string().min(1),
  unit: z.string().min(1),
  answer: z.string().min(1),
  /** The Japanese text this translation was reviewed against; a mismatch with the sheet makes it stale. */
  source: z.object({
    name: z.string().min(1),
    definition: z.string().min(1),
    answer: z.string().min(1),
  }),
  /** Words and phrasings people use for this item, English and Japanese. Search only; never shown as an answer. */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * For an item that is the narrow variant of a broader topic (notice of *planned* outages, hours of the *support
   * desk*): words one of which a question about it uses. A question with none of them ranks the item lower. Search only.
   */
  qualifiers: z.array(z.string().min(1)).default([]),
  /** A reviewer's remark, e.g. on a typo in the sheet. */
  note: z.string().optional(),
});
export type Translation = z.infer<typeof TranslationSchema>;

export const CompanionSchema = z.object({
  reviewed: z.object({ by: z.string().min(1), on: z.string().min(1) }),
  sections: z.record(z.string(), z.string()),
  categories: z.record(z.string(), z.string()),
  items: z.record(z.string().regex(/^\d+$/, 'item keys must be item numbers'), TranslationSchema),
});
export type Companion = z.infer<typeof CompanionSchema>;

/** Topics people ask about that the sheet does not cover; a question about one is answered "not covered". */
export const GapsSchema = z.object({
  topics: z.array(
    z.object({
      /** The topic's name in English; also what `--json` reports as the not-covered detail. */
      topic: z.string().min(1),
      /** The topic's name in Japanese, said in Japanese replies. */
      ja: z.string().min(1).optional(),
      terms: z.array(z.string().min(1)).min(1),
    }),
  ),
});
export type Gaps = z.infer<typeof GapsSchema>;

/**
 * Known typos of the sheet (knowledge/errata.yaml), e.g. 案誤化 for 暗号化 in item 48. The cell stays byte for byte;
 * staff see the correction next to it, and the customer copy offers the corrected reading, marked as corrected.
 */
export const ErrataSchema = z.object({
  errata: z.array(
    z.object({
      item: z.number().int().positive(),
      /** Which cell of the item the typo is in. */
      field: z.enum(['answer', 'name', 'definition']).default('answer'),
      /** The text exactly as the sheet has it. */
      wrong: z.string().min(1),
      /** What it should read. */
      right: z.string().min(1),
      /** Who confirmed the correction, or why it is evident. */
      note: z.string().optional(),
    }),
  ),
});
export type Erratum = z.infer<typeof ErrataSchema>['errata'][number];
/** Example questions per item (knowledge/examples.yaml): how people ask, for search only. */
export const ExamplesSchema = z.object({
  items: z.record(
    z.string().regex(/^\d+$/, 'item keys must be item numbers'),
    z.object({ en: z.array(z.string().min(1)).default([]), ja: z.array(z.string().min(1)).default([]) }),
  ),
});
export type Examples = z.infer<typeof ExamplesSchema>;

/** A problem found while loading, tied to a file and line so the sheet's owners can fix it. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
  /** What kind of problem, for tools that treat kinds differently (`npm run check`). */
  code?: ProblemCode;
}

export type ProblemCode =
  | 'realigned_row'
  | 'non_consecutive'
  | 'missing_translation'
  | 'stale_translation'
  | 'orphan_translation'
  | 'missing_category_name'
  | 'ambiguous_alias'
  | 'gap_overlaps_alias'
  | 'orphan_examples'
  | 'alias_analyses_to_nothing'
  | 'qualifier_analyses_to_nothing'
  | 'alias_collision'
  | 'synonym_analyses_to_nothing'
  | 'duplicate_example'
  | 'stale_erratum';
