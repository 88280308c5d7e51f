import { readFileSync } from 'node:fs';

/** One labelled question (see ../shared/eval/README.md): `expected` is empty when the sheet does not cover it. */
export interface LabelledQuestion {
  id: string;
  lang: string;
  kind: string;
  question: string;
  expected: number[];
}

/** Reads a labelled TSV set: header `id lang kind question expected`, expected `29` or `28,29` or `-`. */
export function readLabelledSet(path: string): LabelledQuestion[] {
  const [header, ...rows] = readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = header?.split('\t') ?? [];
  const want = ['id', 'lang', 'kind', 'question', 'expected'];
  if (want.some((name, i) => columns[i] !== name)) throw new Error(`${path}: header must be ${want.join('\\t')}`);
  return rows.map((row, i) => {
    const [id = '', lang = '', kind = '', question = '', expected = ''] = row.split('\t');
    if (!id || !question || !expected) throw new Error(`${path}:${i + 2}: expected 5 tab-separated columns`);
    return { id, lang, kind, question, expected: expected.trim() === '-' ? [] : expected.split(',').map((n) => Number(n.trim())) };
  });
}
