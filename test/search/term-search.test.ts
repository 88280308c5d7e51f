import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabelledSet } from '../../src/eval/labelled-set.js';
import { Analyzer } from '../../src/search/tokenize.js';
import { TermSearch, type TermQuery } from '../../src/search/term-search.js';
import { fixtureKnowledge } from '../support/knowledge.js';

/**
 * TermSearch.searchTerms is a lean copy of minisearch's query path (see term-search.ts): it must return exactly what
 * minisearch's own `search` returns for the same terms, options and index: documents, order and scores to the bit.
 */
describe('TermSearch.searchTerms', () => {
  const knowledge = fixtureKnowledge();
  const analyzer = new Analyzer(knowledge.vocabulary);
  const fields = ['name', 'nameEn', 'aliases', 'definition', 'answer', 'answerEn'];
  const boost = { name: 3, nameEn: 2.7, aliases: 1.9, answer: 1.3 }; // fields without a boost count 1
  const docsOf = (copies: number) =>
    Array.from({ length: copies }, (_, copy) =>
      knowledge.items.map((item) => ({
        id: copy * 1000 + item.no,
        name: item.name,
        nameEn: item.english.name ?? '',
        aliases: item.aliases.join(' \n '),
        definition: item.definition,
        answer: item.answer,
        answerEn: item.english.answer ?? '',
      })),
    ).flat();
  const questions = readLabelledSet(resolve(import.meta.dirname, '..', 'fixtures', 'questions.tsv')).map((q) => q.question);

  // Three copies of each item: equal scores, so the order of ties is compared too.
  for (const copies of [1, 3]) {
    it(`returns minisearch's results for every fixture question (${copies} cop${copies === 1 ? 'y' : 'ies'} of the sheet)`, () => {
      const index = new TermSearch<ReturnType<typeof docsOf>[number]>({ fields, storeFields: [], tokenize: (text) => analyzer.tokenize(text), processTerm: (token) => analyzer.processTerm(token) });
      index.addAll(docsOf(copies));
      let compared = 0;
      // Half the questions before more documents are added, half after: its per-document arrays must grow with the index.
      const added = docsOf(1).map((doc) => ({ ...doc, id: doc.id + 900_000 }));
      for (const [i, question] of questions.entries()) {
        if (i === Math.floor(questions.length / 2)) index.addAll(added);
        const distinct = [...new Set(analyzer.analyze(question))];
        if (distinct.length === 0) continue;
        // Every fifth question lists a term twice: minisearch adds its score twice but lists it once.
        const terms = i % 5 === 0 ? [...distinct, distinct[0]!] : distinct;
        // Prefix matching and term weights varied per term, as the checklist index varies them.
        const spec = new Map(distinct.map((term, j) => [term, { term, prefix: term.length >= 2 && j % 3 !== 2, boost: 0.7 / (1 + (j % 4)) }]));
        const queries: TermQuery[] = terms.map((term) => spec.get(term)!);
        const expected = index
          .search(terms.join(' '), {
            tokenize: () => terms,
            processTerm: (term) => term,
            combineWith: 'OR',
            boost,
            boostTerm: (term) => spec.get(term)!.boost,
            prefix: (term) => spec.get(term)!.prefix,
            fuzzy: false,
          })
          .map(({ id, score, queryTerms }) => ({ id, score, queryTerms }));
        expect(index.searchTerms(queries, boost).matches.toArray(), question).toEqual(expected);
        // The best few only (selected, not sorted in full), and the terms some document matched.
        for (const limit of [1, 10, 60]) expect(index.searchTerms(queries, boost, limit).matches.toArray(), `${question} (best ${limit})`).toEqual(expected.slice(0, limit));
        const found = distinct.filter((term) => expected.some((match) => match.queryTerms.includes(term)));
        expect(index.searchTerms(queries, boost).foundTerms, question).toEqual(found);
        if (expected.length > 0) compared++;
      }
      expect(compared).toBeGreaterThan(questions.length * 0.8);
    });
  }
});
