import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/decide.js';
import { commandWord } from '../../src/answer/commands.js';
import { renderHome } from '../../src/render/home.js';
import { STRINGS } from '../../src/render/strings.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const knowledge = fixtureKnowledge();
const answerer = new Answerer(knowledge);

describe('App Home', () => {
  it.each(['en', 'ja'] as const)('every example it shows (%s) works as written', (lang) => {
    for (const example of STRINGS[lang].homeExamples) {
      // "29 (item No.29)", "/checklist list (…)": the part before the explanation is what people type.
      const typed = example.replace(/[（(].*$/u, '').replace(/^\/checklist /, '').trim();
      if (commandWord(typed)) continue;
      const { decision } = answerer.answer(typed);
      expect(['answered', 'lookup', 'section'], `${example} → ${decision.kind}`).toContain(decision.kind);
      if (decision.kind === 'answered') expect(decision.close, `${example} is a picker`).toBe(false);
    }
  });

  it.each(['en', 'ja'] as const)('the usage help\'s quoted examples (%s) work too', (lang) => {
    const quoted = [...STRINGS[lang].help.matchAll(lang === 'en' ? /"([^"]+)"/g : /「([^」]+)」/g)].map((match) => match[1]!).filter((q) => !/^[\d ,-]+$/.test(q));
    expect(quoted.length).toBeGreaterThanOrEqual(2);
    for (const question of quoted) {
      const { decision } = answerer.answer(question);
      expect(decision.kind === 'answered' && !decision.close, `${question} → ${decision.kind}`).toBe(true);
    }
  });

  it('stays within Slack limits for a Home view: at most 100 blocks, button texts ≤ 75, every item once', () => {
    for (const lang of ['en', 'ja'] as const) {
      const view = renderHome(knowledge, lang);
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const elements = view.blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements as Array<{ action_id: string; text: { text: string } }>);
      for (const element of elements) expect(Array.from(element.text.text).length).toBeLessThanOrEqual(75);
      expect(elements.filter((e) => e.action_id.startsWith('checklist_show:')).map((e) => Number(e.action_id.split(':')[1]))).toEqual(knowledge.items.map((item) => item.no));
      expect(JSON.parse(view.private_metadata)).toEqual({ lang, v: knowledge.version });
    }
  });
});
