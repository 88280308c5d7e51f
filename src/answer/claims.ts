import type { KnowledgeItem } from '../knowledge/load.js';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { normalizeText } from '../search/normalize.js';

/**
 * Specific things a question names that an answer could be misread as confirming: standards and certifications
 * (ISO 27001, SOC 2), vendors (AWS), places (the EU, 日本国内), versions (TLS 1.3, AES-256) and figures (99.99 %, 7 years). When the cited item's
 * answer does not state them, the reply says so first, so "Yes. Privacy Mark" is never read as "yes, ISO 27001".
 * The names come from knowledge/vocabulary.yaml (`named_things`); versions and figures are recognised by shape.
 */
export class NamedThings {
  private readonly names: RegExp | undefined;
  private readonly places: Set<string>;

  constructor(vocabulary: Vocabulary) {
    const { standards, vendors, places } = vocabulary.named_things;
    const words = [...standards, ...vendors, ...places]
      .sort((a, b) => b.length - a.length)
      .map((word) => normalizeText(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?'));
    // Latin word edges only: Japanese has no spaces, so ISO27001の取得 must still find ISO 27001.
    this.names = words.length > 0 ? new RegExp(`(?<![a-z0-9])(?:${words.join('|')})(?:[\\s-]?(?:type[\\s-]?)?(?:\\d+|i{1,3}))?(?![a-z0-9])`, 'giu') : undefined;
    this.places = new Set(places.map(compact));
  }

  /** What the question names, as written (width-normalized, case kept), in order of appearance, without repeats. */
  find(question: string): string[] {
    const text = question.slice(0, 2000).normalize('NFKC');
    const found: string[] = [];
    for (const match of this.names ? text.matchAll(this.names) : []) found.push(match[0].trim());
    for (const match of text.matchAll(VERSION)) found.push(match[0].trim());
    for (const match of text.matchAll(FIGURE)) found.push(match[0].trim());
    return [...new Set(found)];
  }

  /** The named things the item's answer (Japanese cell or reviewed English) does not state. */
  unlisted(item: KnowledgeItem, question: string): string[] {
    let named = this.find(question);
    if (named.length === 0) return [];
    // A place matters only for items about where things are ("support hours for customers in Japan" is not a claim).
    if (!PLACE_TOPIC.test(`${item.name} ${item.definition} ${item.english.name ?? ''} ${item.english.definition ?? ''}`)) {
      named = named.filter((thing) => !this.places.has(compact(thing)));
    }
    const answer = compact(`${item.answer} ${item.english.answer ?? ''}`);
    return named.filter((thing) => !states(answer, thing));
  }
}

/** Versions of protocols and algorithms: TLS 1.3, SSL v3, AES-256, RSA 2048, SHA-1. */
const VERSION = /(?<![a-z0-9])(?:tls|ssl|aes|rsa|sha|des|3des)[\s-]?v?\d+(?:\.\d+)?(?![a-z0-9])/giu;

/** Percentages and durations: 99.99%, 7 years, 30日, 4 hours, 15 minutes. Plain counts (500 users) are not claims. */
const FIGURE =
  /(?<![a-z0-9.])\d+(?:\.\d+)?\s?(?:%|percent|years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|年|ヶ月|か月|カ月|週間|日|時間|分|秒)(?![a-z])/giu;

/** Words of an item about where data is kept or handled (data location, the data centre, the handling environment). */
const PLACE_TOPIC = /場所|所在|国|地域|環境|データセンター|location|region|countr|data cent|environment|where/iu;

const compact = (text: string): string => normalizeText(text).replace(/[\s-]+/g, '');

/** A named thing is stated when the answer contains it; a figure when the answer has the same number in the same unit. */
function states(answer: string, thing: string): boolean {
  if (answer.includes(compact(thing))) return true;
  const figure = /^(\d+(?:\.\d+)?)\s?(.*)$/u.exec(normalizeText(thing));
  if (!figure) return false;
  const [, number = '', unit = ''] = figure;
  const forms = UNIT_FORMS.find((group) => group.some((form) => form === unit)) ?? [unit];
  const escaped = number.replace('.', '\\.');
  return forms.some((form) => new RegExp(`(?<![\\d.])${escaped}\\s?${form.replace('%', '%')}`, 'u').test(answer));
}

/** The ways a unit is written, English and Japanese: a figure is stated when its number comes with any of them. */
const UNIT_FORMS: ReadonlyArray<readonly string[]> = [
  ['%', 'percent'],
  ['years', 'year', 'yrs', 'yr', '年'],
  ['months', 'month', 'ヶ月', 'か月', 'カ月'],
  ['weeks', 'week', '週間'],
  ['days', 'day', '日', '営業日'],
  ['hours', 'hour', 'hrs', 'hr', '時間'],
  ['minutes', 'minute', 'mins', 'min', '分'],
  ['seconds', 'second', 'secs', 'sec', '秒'],
];
