import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/decide.js';
import { toJson } from '../../src/answer/json.js';
import { languageOf } from '../../src/answer/language.js';
import { renderAnswerBlocks } from '../../src/render/blocks.js';
import { renderAnswerText } from '../../src/render/text.js';
import { stripSlackMarkup } from '../../src/render/slack-text.js';
import { fixtureKnowledge } from '../support/knowledge.js';
import { fuzzInput, prng } from './inputs.js';

// FUZZ_COUNT raises the number for a longer local run (FUZZ_COUNT=100000 npx vitest run test/fuzz); CI runs 5,000:
// 500 of each kind of input, twenty of them 40,000 characters long.
const COUNT = Number(process.env.FUZZ_COUNT ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20221601);
const LIVE_MENTION = /<!channel>|<!here>|<!everyone>|<@[UW][A-Z0-9]+|<!subteam\^/;

const knowledge = fixtureKnowledge();
const answerer = new Answerer(knowledge);

/** Every string a person sees in a message: the text fallback and block texts (button values are data, not shown). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) if (key !== 'value' && key !== 'action_id') strings(inner, out);
  }
  return out;
}

describe(`fuzz: ${COUNT} generated inputs through the answer core and the Slack renderer (seed ${SEED})`, () => {
  it('never crashes, always answers within Slack limits, and never echoes a live mention', () => {
    const random = prng(SEED);
    const statuses = new Map<string, number>();
    for (let i = 0; i < COUNT; i++) {
      const raw = fuzzInput(random, i);
      const context = `input #${i} (seed ${SEED}): ${JSON.stringify(raw.slice(0, 120))}`;
      let message;
      try {
        const question = stripSlackMarkup(raw);
        const answer = answerer.answer(question);
        const json = toJson(answer);
        statuses.set(json.status, (statuses.get(json.status) ?? 0) + 1);
        const lang = languageOf(question);
        expect(renderAnswerText(answer, knowledge, lang).length, context).toBeGreaterThan(0);
        message = renderAnswerBlocks(answer, knowledge, { lang, shareable: i % 2 === 0 });
        // The renderer must also be safe with the raw text, markup and all (what a share button would carry).
        const rawMessage = renderAnswerBlocks({ ...answer, question: raw }, knowledge, { lang, shareable: true });
        for (const m of [message, rawMessage]) {
          expect(m.text.length, context).toBeLessThanOrEqual(4000);
          expect(m.blocks.length, context).toBeLessThanOrEqual(50);
          for (const block of m.blocks) {
            const text = (block.text as { text?: string } | undefined)?.text;
            if (text) expect(Array.from(text).length, context).toBeLessThanOrEqual(3000);
          }
          const live = strings(m).find((s) => LIVE_MENTION.test(s));
          expect(live, `${context} → ${live?.slice(0, 80)}`).toBeUndefined();
        }
      } catch (error) {
        throw new Error(`${context}: ${(error as Error).message}`);
      }
    }
    // The run exercised every kind of answer.
    expect([...statuses.keys()].sort()).toEqual(['answered', 'close', 'help', 'no_match']);
  }, 120_000);
});
