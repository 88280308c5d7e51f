import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { findControlCharacter } from './control-characters.js';
import { parseSheet } from './parse-sheet.js';
import { CompanionSchema, GapsSchema, NOT_DISCLOSED, type Companion, type Gaps, type Item, type Problem, type Sheet, type Translation } from './types.js';

/** File names inside the knowledge folder. The folder is the only place the bot reads the sheet from. */
export const KNOWLEDGE_FILES = {
  sheet: 'security-checklist.txt',
  companion: 'checklist.en.yaml',
  gaps: 'gaps.yaml',
} as const;

/** An item together with everything the bot may show about it. */
export interface KnowledgeItem extends Item {
  /** The reviewed English companion; absent when missing or stale (see `translationStatus`). */
  en?: Translation;
  translationStatus: 'reviewed' | 'stale' | 'missing';
  /** The sheet says 非公開: the company declines to disclose this figure. */
  notDisclosed: boolean;
  aliases: string[];
  sectionEn?: string;
  categoryEn?: string;
}

export interface Knowledge {
  title: string;
  company: string;
  date: string;
  items: KnowledgeItem[];
  byNo: Map<number, KnowledgeItem>;
  gaps: Gaps['topics'];
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
  const read = (name: string): string => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      throw new KnowledgeError([{ file: name, message: `cannot read ${join(dir, name)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
    }
  };
  return buildKnowledge({
    sheet: read(KNOWLEDGE_FILES.sheet),
    companion: read(KNOWLEDGE_FILES.companion),
    gaps: read(KNOWLEDGE_FILES.gaps),
  });
}

/** The files of the knowledge folder, as text. Exposed so tests and the linter can load edited copies. */
export interface KnowledgeSources {
  sheet: string;
  companion: string;
  gaps: string;
}

export function buildKnowledge(sources: KnowledgeSources, loadedAt = new Date()): Knowledge {
  const parsed = parseSheet(sources.sheet, KNOWLEDGE_FILES.sheet);
  const companion = parseYamlFile(sources.companion, KNOWLEDGE_FILES.companion, CompanionSchema);
  const gaps = parseYamlFile(sources.gaps, KNOWLEDGE_FILES.gaps, GapsSchema);
  const errors = [...parsed.errors, ...companion.errors, ...gaps.errors];
  if (errors.length > 0 || !parsed.sheet || !companion.value || !gaps.value) throw new KnowledgeError(errors);

  const warnings = [...parsed.warnings, ...companionWarnings(parsed.sheet, companion.value)];
  const items = parsed.sheet.items.map((item) => withCompanion(item, companion.value!));
  const version = createHash('sha256')
    .update(sources.sheet)
    .update('\0')
    .update(sources.companion)
    .update('\0')
    .update(sources.gaps)
    .digest('hex')
    .slice(0, 12);
  return {
    title: parsed.sheet.title,
    company: parsed.sheet.company,
    date: parsed.sheet.date,
    items,
    byNo: new Map(items.map((item) => [item.no, item])),
    gaps: gaps.value.topics,
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

/** A translation is current only if the Japanese it was reviewed against is still what the sheet says. */
export function isStale(item: Item, translation: Translation): boolean {
  return translation.source.name !== item.name || translation.source.definition !== item.definition || translation.source.answer !== item.answer;
}

function withCompanion(item: Item, companion: Companion): KnowledgeItem {
  const translation = companion.items[String(item.no)];
  const stale = translation ? isStale(item, translation) : false;
  return {
    ...item,
    ...(translation && !stale ? { en: translation } : {}),
    translationStatus: !translation ? 'missing' : stale ? 'stale' : 'reviewed',
    notDisclosed: item.answer.trim() === NOT_DISCLOSED,
    // Aliases stay searchable even when stale: they describe the topic, not the answer.
    aliases: translation?.aliases ?? [],
    ...(companion.sections[item.section] ? { sectionEn: companion.sections[item.section] } : {}),
    ...(companion.categories[item.category] ? { categoryEn: companion.categories[item.category] } : {}),
  };
}

function companionWarnings(sheet: Sheet, companion: Companion): Problem[] {
  const file = KNOWLEDGE_FILES.companion;
  const problems: Problem[] = [];
  const numbers = new Set(sheet.items.map((item) => item.no));
  for (const item of sheet.items) {
    const translation = companion.items[String(item.no)];
    if (!translation) {
      problems.push({ file, code: 'missing_translation', message: `item ${item.no} has no English entry: English questions will get the Japanese answer only` });
    } else if (isStale(item, translation)) {
      const changed = (['name', 'definition', 'answer'] as const).filter((key) => translation.source[key] !== item[key]);
      problems.push({
        file,
        code: 'stale_translation',
        message: `item ${item.no}: translation is stale (the sheet's ${changed.join(', ')} changed since review); showing the Japanese answer only until it is reviewed`,
      });
    }
    if (!companion.categories[item.category]) problems.push({ file, code: 'missing_category_name', message: `category "${item.category}" has no English name` });
  }
  for (const key of Object.keys(companion.items)) {
    if (!numbers.has(Number(key))) problems.push({ file, code: 'orphan_translation', message: `entry ${key} has no item on the sheet` });
  }
  return dedupe(problems);
}

const dedupe = (problems: Problem[]): Problem[] => [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
