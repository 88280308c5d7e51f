/**
 * How long one hostile 40,000-character message (Slack's limit) holds the event loop on the whole answering path:
 * markup stripping, the decision (lookup, section, meta, search), language, Block Kit and text rendering.
 * Run with `npx tsx bench/hostile.ts`. Figures, not assertions: each input should take milliseconds, not seconds.
 */
import { Answerer } from '../src/answer/decide.js';
import { languageOf } from '../src/answer/language.js';
import { renderAnswerBlocks } from '../src/render/blocks.js';
import { renderAnswerText } from '../src/render/text.js';
import { stripSlackMarkup } from '../src/render/slack-text.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgeDir } from '../src/config/paths.js';

const knowledge = loadKnowledge(knowledgeDir());
const answerer = new Answerer(knowledge);
const N = 40_000;
const inputs: Record<string, string> = {
  '。×39999+x': '。'.repeat(N - 1) + 'x',
  '？×39999+x': '？'.repeat(N - 1) + 'x',
  '.×39999+x': '.'.repeat(N - 1) + 'x',
  '!×39999+x': '!'.repeat(N - 1) + 'x',
  '? ×20000': '? '.repeat(N / 2),
  ', ×20000+x': ', '.repeat(N / 2) + 'x',
  '<×40000': '<'.repeat(N),
  '<a|×13333': '<a|'.repeat(N / 3),
  '&×40000': '&'.repeat(N),
  'No.×10000': 'No.'.repeat(N / 3),
  '29 ×20000': '29 '.repeat(N / 3),
  'help ×8000': 'help '.repeat(N / 5),
  'バックアップ×6666': 'バックアップ'.repeat(N / 6),
};
// Warm up on a short hostile message, so the first figure is not the JIT's.
for (let i = 0; i < 20; i++) renderAnswerBlocks(answerer.answer(stripSlackMarkup('。'.repeat(500) + 'x')), knowledge, { lang: 'ja', shareable: true });
let worst = 0;
for (const [name, raw] of Object.entries(inputs)) {
  const t0 = performance.now();
  const question = stripSlackMarkup(raw);
  const answer = answerer.answer(question);
  const lang = languageOf(question);
  renderAnswerBlocks({ ...answer, question: raw }, knowledge, { lang, shareable: true });
  renderAnswerText(answer, knowledge, lang);
  const ms = performance.now() - t0;
  worst = Math.max(worst, ms);
  console.log(`${name.padEnd(20)} ${ms.toFixed(1).padStart(9)} ms  (${answer.decision.kind})`);
}
console.log(`worst ${worst.toFixed(1)} ms for one ${N}-character message`);
