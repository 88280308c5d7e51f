import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, parse as parseYaml, type Document } from 'yaml';
import type { z } from 'zod';
import { findControlCharacter } from './control-characters.js';
import { parseSheet, SHEET_HEADER } from './parse-sheet.js';
import { VocabularySchema, type Vocabulary } from './vocabulary.js';
import { CompanionSchema, ErrataSchema, ExamplesSchema, GapsSchema, NOT_DISCLOSED, type Companion, type Erratum, type Gaps, type Item, type Problem, type Sheet, type Translation } from './types.js';

/** File names inside the knowledge folder. The folder is the only place the bot reads the sheet from. */
export const KNOWLEDGE_FILES = {
  sheet: 'security-checklist.txt',
  companion: 'checklist.en.yaml',
  gaps: 'gaps.yaml',
  vocabulary: 'vocabulary.yaml',
  examples: 'examples.yaml',
  /** Optional: known typos of the sheet. */
  errata: 'errata.yaml',
} as const;

/** The fields of an item whose English is reviewed against the Japanese it translates (`source` in the companion). */
export const TRANSLATED_FIELDS = ['name', 'definition', 'answer'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/**
 * The reviewed English of an item, field by field. A field is here only while the Japanese it was reviewed against is
 * still what the sheet says, so one changed cell (24時間 → 12時間) hides that field's English and nothing else. The unit
 * has no source of its own: it stands while the name and definition, which say what is measured, are current.
 */
export interface ReviewedEnglish {
  name?: string;
  definition?: string;
  unit?: string;
  answer?: string;
}

/** An item together with everything the bot may show about it. */
export interface KnowledgeItem extends Item {
  /** The reviewed English still current for this item (empty when the entry is missing). */
  english: ReviewedEnglish;
  /** `stale` when any translated field no longer matches the sheet (see `staleFields`). */
  translationStatus: 'reviewed' | 'stale' | 'missing';
  /** The fields whose Japanese changed since review; their English is not shown until someone reviews it again. */
  staleFields: TranslatedField[];
  /** The sheet says 非公開: the company declines to disclose this figure. */
  notDisclosed: boolean;
  aliases: string[];
  /** Words a question about this narrow variant of a topic uses (see TranslationSchema.qualifiers): search only. */
  qualifiers: string[];
  /** Example questions this item answers (knowledge/examples.yaml), English and Japanese: search only. */
  examples: string[];
  sectionEn?: string;
  categoryEn?: string;
  /** Known typos in this item's cells (knowledge/errata.yaml); the cells themselves stay as the sheet has them. */
  errata: Erratum[];
}

export interface Knowledge {
  title: string;
  company: string;
  date: string;
  items: KnowledgeItem[];
  byNo: Map<number, KnowledgeItem>;
  gaps: Gaps['topics'];
  /** How people write (knowledge/vocabulary.yaml): what search and the reading of messages use. */
  vocabulary: Vocabulary;
  /** Short content hash over every knowledge file: which version of the sheet an answer came from. */
  version: string;
  loadedAt: Date;
  warnings: Problem[];
}

/** Thrown when the knowledge folder cannot be loaded; `problems` name files and lines. Nothing is half-loaded. */
export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`knowledge folder has ${problems.length} error${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export const formatProblem = (p: Problem): string => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

/** Reads and validates the knowledge folder. Throws KnowledgeError naming every problem found. */
export function loadKnowledge(dir: string): Knowledge {
  const read = (name: string, optional = false): string => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw new KnowledgeError([{ file: name, message: `cannot read ${join(dir, name)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
    }
  };
  return buildKnowledge({
    sheet: read(KNOWLEDGE_FILES.sheet),
    companion: read(KNOWLEDGE_FILES.companion),
    gaps: read(KNOWLEDGE_FILES.gaps),
    vocabulary: read(KNOWLEDGE_FILES.vocabulary),
    examples: read(KNOWLEDGE_FILES.examples),
    errata: read(KNOWLEDGE_FILES.errata, true),
  });
}

/** The files of the knowledge folder, as text. Exposed so tests and the linter can load edited copies. */
export interface KnowledgeSources {
  sheet: string;
  companion: string;
  gaps: string;
  vocabulary: string;
  examples: string;
  /** errata.yaml; absent or empty means no known typos. */
  errata?: string;
}

export function buildKnowledge(sources: KnowledgeSources, loadedAt = new Date()): Knowledge {
  const parsed = parseSheet(sources.sheet, KNOWLEDGE_FILES.sheet);
  const companion = parseYamlFile(sources.companion, KNOWLEDGE_FILES.companion, CompanionSchema);
  const gaps = parseYamlFile(sources.gaps, KNOWLEDGE_FILES.gaps, GapsSchema);
  const vocabulary = parseYamlFile(sources.vocabulary, KNOWLEDGE_FILES.vocabulary, VocabularySchema);
  const examples = parseYamlFile(sources.examples, KNOWLEDGE_FILES.examples, ExamplesSchema);
  const errata = sources.errata?.trim() ? parseYamlFile(sources.errata, KNOWLEDGE_FILES.errata, ErrataSchema) : { value: { errata: [] }, errors: [] };
  const errors = [...parsed.errors, ...companion.errors, ...gaps.errors, ...vocabulary.errors, ...examples.errors, ...errata.errors];
  if (errors.length > 0 || !parsed.sheet || !companion.value || !gaps.value || !vocabulary.value || !examples.value || !errata.value) throw new KnowledgeError(errors);

  const checkedErrata = checkErrata(parsed.sheet, errata.value.errata);
  if (checkedErrata.errors.length > 0) throw new KnowledgeError(checkedErrata.errors);
  const numbers = new Set(parsed.sheet.items.map((item) => item.no));
  const orphanExamples: Problem[] = Object.keys(examples.value.items)
    .filter((key) => !numbers.has(Number(key)))
    .map((key) => ({ file: KNOWLEDGE_FILES.examples, code: 'orphan_examples', message: `examples for ${key}: there is no item ${key} on the sheet` }));
  const warnings = [...parsed.warnings, ...companionWarnings(parsed.sheet, companion.value, sources.companion), ...orphanExamples, ...checkedErrata.warnings];
  const items = parsed.sheet.items.map((item) => {
    const own = examples.value!.items[String(item.no)];
    return { ...withCompanion(item, companion.value!, checkedErrata.byItem.get(item.no) ?? []), examples: own ? [...own.en, ...own.ja] : [] };
  });
  const version = createHash('sha256')
    .update(sources.sheet)
    .update('\0')
    .update(sources.companion)
    .update('\0')
    .update(sources.gaps)
    .update('\0')
    .update(sources.vocabulary)
    .update('\0')
    .update(sources.examples)
    .update('\0')
    .update(sources.errata ?? '')
    .digest('hex')
    .slice(0, 12);
  return {
    title: parsed.sheet.title,
    company: parsed.sheet.company,
    date: parsed.sheet.date,
    items,
    byNo: new Map(items.map((item) => [item.no, item])),
    gaps: gaps.value.topics,
    vocabulary: vocabulary.value,
    version,
    loadedAt,
    warnings,
  };
}

function parseYamlFile<T extends z.ZodType>(text: string, file: string, schema: T): { value?: z.infer<T>; errors: Problem[] } {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return { errors: [{ file, ...(line ? { line } : {}), message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    return { errors: result.error.issues.map((issue) => ({ file, message: `${issue.path.join('.') || '(top level)'}: ${issue.message}` })) };
  }
  const controls = controlCharacterProblems(result.data, text, file);
  return controls.length > 0 ? { errors: controls } : { value: result.data, errors: [] };
}

/** Every string in a parsed YAML file that holds a control character, with its path, and its line when written literally. */
function controlCharacterProblems(value: unknown, text: string, file: string, path: string[] = []): Problem[] {
  if (typeof value === 'string') {
    const control = findControlCharacter(value);
    if (!control) return [];
    const literal = text.indexOf(value[control.index]!);
    const line = literal >= 0 ? text.slice(0, literal).split('\n').length : undefined;
    return [{ file, ...(line ? { line } : {}), message: `${path.join('.')}: contains the control character ${control.label}: the text must be plain` }];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => controlCharacterProblems(inner, text, file, [...path, key]));
  return [];
}

/** The fields of a translation whose Japanese (`source`) is no longer what the sheet says. */
export function staleFields(item: Item, translation: Translation): TranslatedField[] {
  return TRANSLATED_FIELDS.filter((field) => translation.source[field] !== item[field]);
}

/**
 * Errata must name an item that exists (an error: the file is wrong). One whose typo the sheet no longer has is
 * dropped with a warning: the sheet's owners fixed the cell, and the bot must keep serving the corrected sheet.
 */
function checkErrata(sheet: Sheet, errata: Erratum[]): { byItem: Map<number, Erratum[]>; errors: Problem[]; warnings: Problem[] } {
  const file = KNOWLEDGE_FILES.errata;
  const items = new Map(sheet.items.map((item) => [item.no, item]));
  const byItem = new Map<number, Erratum[]>();
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  errata.forEach((erratum, i) => {
    const item = items.get(erratum.item);
    if (!item) errors.push({ file, message: `errata.${i}: item ${erratum.item} is not on the sheet` });
    else if (erratum.wrong === erratum.right) errors.push({ file, message: `errata.${i}: "wrong" and "right" are the same text` });
    else if (!item[erratum.field].includes(erratum.wrong)) {
      warnings.push({ file, code: 'stale_erratum', message: `item ${erratum.item}'s ${erratum.field} no longer contains "${erratum.wrong}" (corrected on the sheet?): remove this erratum` });
    } else byItem.set(item.no, [...(byItem.get(item.no) ?? []), erratum]);
  });
  return { byItem, errors, warnings };
}

function withCompanion(item: Item, companion: Companion, errata: Erratum[]): Omit<KnowledgeItem, 'examples'> {
  const translation = companion.items[String(item.no)];
  const stale = translation ? staleFields(item, translation) : [];
  const current = (field: TranslatedField): boolean => translation !== undefined && !stale.includes(field);
  const english: ReviewedEnglish = {
    ...(current('name') ? { name: translation!.name } : {}),
    ...(current('definition') ? { definition: translation!.definition } : {}),
    ...(current('name') && current('definition') ? { unit: translation!.unit } : {}),
    ...(current('answer') ? { answer: translation!.answer } : {}),
  };
  return {
    ...item,
    english,
    translationStatus: !translation ? 'missing' : stale.length > 0 ? 'stale' : 'reviewed',
    staleFields: stale,
    notDisclosed: item.answer.trim() === NOT_DISCLOSED,
    // Aliases stay searchable even when stale: they describe the topic, not the answer.
    aliases: translation?.aliases ?? [],
    qualifiers: translation?.qualifiers ?? [],
    ...(companion.sections[item.section] ? { sectionEn: companion.sections[item.section] } : {}),
    ...(companion.categories[item.category] ? { categoryEn: companion.categories[item.category] } : {}),
    errata,
  };
}

/** The sheet's column each translated field comes from, for messages the sheet's owners read. */
const COLUMN_OF: Record<TranslatedField, string> = { name: SHEET_HEADER[2], definition: SHEET_HEADER[3], answer: SHEET_HEADER[5] };

/** A function giving the 1-based line of a key path in a YAML text (undefined when absent); parses on first use. */
function yamlLines(text: string): (path: string[]) => number | undefined {
  let doc: Document.Parsed | undefined;
  const counter = new LineCounter();
  return (path) => {
    doc ??= parseDocument(text, { lineCounter: counter });
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? counter.linePos(node.range[0]).line : undefined;
  };
}

function companionWarnings(sheet: Sheet, companion: Companion, companionText: string): Problem[] {
  const file = KNOWLEDGE_FILES.companion;
  const lineOf = yamlLines(companionText);
  const problems: Problem[] = [];
  const numbers = new Set(sheet.items.map((item) => item.no));
  for (const item of sheet.items) {
    const translation = companion.items[String(item.no)];
    if (!translation) {
      problems.push({ file, code: 'missing_translation', message: `item ${item.no} has no English entry: English questions will get the Japanese answer only` });
    } else {
      for (const field of staleFields(item, translation)) {
        const line = lineOf(['items', String(item.no), 'source', field]);
        problems.push({
          file,
          ...(line ? { line } : {}),
          code: 'stale_translation',
          message:
            `item ${item.no}: the sheet's ${COLUMN_OF[field]} changed since review: reviewed against "${translation.source[field]}", ` +
            `now "${item[field]}" (${KNOWLEDGE_FILES.sheet}:${item.line}); its English ${field} "${translation[field]}" is not shown until this entry is reviewed`,
        });
      }
    }
    if (!companion.categories[item.category]) problems.push({ file, code: 'missing_category_name', message: `category "${item.category}" has no English name` });
  }
  for (const key of Object.keys(companion.items)) {
    if (!numbers.has(Number(key))) problems.push({ file, code: 'orphan_translation', message: `entry ${key} has no item on the sheet` });
  }
  return dedupe(problems);
}

const dedupe = (problems: Problem[]): Problem[] => [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
