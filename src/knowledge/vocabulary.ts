import { z } from 'zod';

/** A regular expression written as a string in a knowledge file: it must compile in Unicode mode. */
const pattern = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, 'giu');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression (Unicode mode)' },
);

/**
 * knowledge/vocabulary.yaml: how people write, independent of the sheet (synonyms, stop words, phrase rewrites,
 * framing of relayed questions, meta words, stemmer exceptions). See the file's comments for each part.
 */
export const VocabularySchema = z.object({
  synonyms: z.array(z.array(z.string().min(1)).min(2, 'a synonym group needs at least two words')),
  stop_words: z.object({ en: z.array(z.string().min(1)), ja: z.array(z.string().min(1)) }),
  questionnaire_boilerplate: z.array(z.string().min(1)),
  phrases: z.array(z.object({ match: pattern, replace: z.string(), why: z.string().optional() })),
  stem_exceptions: z.record(z.string().min(1), z.string().min(1)),
  meta_words: z.array(z.string().min(1)),
  named_things: z.object({ standards: z.array(z.string().min(1)), vendors: z.array(z.string().min(1)), places: z.array(z.string().min(1)) }),
  framing: z.object({
    question_start: pattern,
    question_end: pattern,
    relayed: pattern.refine((source) => source.includes('(?<subject>'), { message: 'needs a named group (?<subject>…) for the asker' }),
    subject_asks: pattern,
    relayed_start: pattern,
    relayed_end: pattern,
    relayed_inner: pattern,
    relayed_statement: pattern,
    scene_setting: pattern,
    reason: pattern,
    additive: pattern,
    condition: pattern,
    refers_back: pattern,
  }),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;
