import type { Language } from '../answer/language.js';
import type { Knowledge } from '../knowledge/load.js';
import { ACTION, encodeValue, type Block } from './blocks.js';
import { truncate } from './slack-text.js';
import { escapeSlack, SLACK_LIMITS } from './slack-text.js';
import { STRINGS } from './strings.js';
import { citation, sourceLine } from './text.js';

/** What the Home tab remembers in its view (private_metadata): the language shown and the sheet version it lists. */
export interface HomeState {
  lang: Language;
  v: string;
}

/** Slack allows at most 100 blocks in a Home tab view. */
const HOME_MAX_BLOCKS = 100;

/**
 * The App Home tab: what the bot answers and how to ask (with examples that work), the message shortcut, the sheet's
 * title, date and version, and every item by section with a button that shows it. Plain JSON for `views.publish`.
 */
export function renderHome(knowledge: Knowledge, lang: Language): { type: 'home'; private_metadata: string; blocks: Block[] } {
  const t = STRINGS[lang];
  const other: Language = lang === 'ja' ? 'en' : 'ja';
  const text = (value: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(value, SLACK_LIMITS.sectionText) } });
  const header = (value: string): Block => ({ type: 'header', text: { type: 'plain_text', text: truncate(value, 150), emoji: true } });
  const blocks: Block[] = [
    header(t.homeTitle),
    text(escapeSlack(t.homeIntro)),
    text(`*${escapeSlack(t.homeHowToAsk)}*\n${t.homeExamples.map((example) => `• ${escapeSlack(example)}`).join('\n')}`),
    text(`*${escapeSlack(t.homeShortcutTitle)}*\n${escapeSlack(t.homeShortcut)}`),
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(`${sourceLine(knowledge, lang)} · ${t.itemCount(knowledge.items.length)}`) }] },
    { type: 'actions', elements: [{ type: 'button', action_id: `${ACTION.home}:${other}`, text: { type: 'plain_text', text: t.homeSwitchLanguage, emoji: true }, value: encodeValue({ lang: other }) }] },
    { type: 'divider' },
  ];
  const sections = [...new Set(knowledge.items.map((item) => item.section))];
  for (const name of sections) {
    const items = knowledge.items.filter((item) => item.section === name);
    blocks.push(header(lang === 'en' ? (items[0]?.sectionEn ?? name) : name));
    for (let i = 0; i < items.length; i += SLACK_LIMITS.actions) {
      blocks.push({
        type: 'actions',
        elements: items.slice(i, i + SLACK_LIMITS.actions).map((item) => ({
          type: 'button',
          action_id: `${ACTION.show}:${item.no}`,
          text: { type: 'plain_text', text: truncate(citation(item, lang), SLACK_LIMITS.buttonText), emoji: true },
          value: encodeValue({ items: [item.no], lang }),
        })),
      });
    }
  }
  const state: HomeState = { lang, v: knowledge.version };
  return { type: 'home', private_metadata: JSON.stringify(state), blocks: blocks.slice(0, HOME_MAX_BLOCKS) };
}
