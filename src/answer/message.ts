import type { Vocabulary } from '../knowledge/vocabulary.js';

/**
 * Reading a chat message as a person would before searching it: which of its sentences ask something, what is only
 * framing ("the customer's CISO is asking whether…", 「お客様から〜とのご質問です」) or context ("client runs night
 * shifts"), and which capitalised words are names (Acme, Globex). Search then looks at what is asked, so a long
 * relayed message is judged on its question, not on every word around it.
 *
 * Everything here is linear in the message length and works on a bounded prefix: a 40,000-character paste costs
 * no more than a long question.
 */

/** Only this much of a message is read: real questions, even relayed ones, stay well under it. */
export const MAX_MESSAGE_CHARS = 2000;

/** One sentence or clause of a message. */
export interface Segment {
  /** The clause with its framing removed. */
  text: string;
  /** It asks something: a question mark, a question word, a request (describe, 教えて), or a framing verb. */
  asks: boolean;
  /** It opens with an additive marker ("also", "and", あと, それと): a further question, not a restatement. */
  additive: boolean;
  /** Its framing was removed ("the customer wants to know whether…"): what is left is the question, from its start. */
  framed: boolean;
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'no', 'vs', 'etc', 'approx', 'incl', 'esp', 'mr', 'ms', 'dr', 'st', 'inc', 'ltd', 'co']);

/**
 * Splits a message into sentences: after ? ! 。 ？ ！ (and runs of them), at line breaks, at ". " unless it ends an
 * abbreviation (e.g., No.) or a number, at ";", at dashes between spaces and after a short preamble ending in a colon;
 * after a comma when `setsScene` says the clause before only sets the scene (〜とのことで、) or `givesReason` says the
 * clause after gives a reason (", since…").
 */
export function splitSentences(message: string, setsScene: (before: string) => boolean = () => false, givesReason: (after: string) => boolean = () => false): string[] {
  // Runs of spaces become one: later patterns then never rescan a long run of blanks.
  const text = message.slice(0, MAX_MESSAGE_CHARS).replace(/[^\S\n]+/gu, ' ');
  const sentences: string[] = [];
  let start = 0;
  const cut = (end: number, next: number): void => {
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = next;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('?？!！。\n;；'.includes(ch)) {
      let j = i + 1;
      while (j < text.length && '?？!！。\n;；'.includes(text[j]!)) j++;
      cut(j, j);
      i = j - 1;
    } else if (ch === '.' && /\s/u.test(text[i + 1] ?? ' ')) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (!ABBREVIATIONS.has(word) && !/\d$/u.test(text.slice(start, i))) cut(i + 1, i + 1);
    } else if ((ch === '—' || ch === '–' || ch === '-') && text[i - 1] === ' ' && text[i + 1] === ' ') {
      cut(i, i + 1);
    } else if ((ch === ':' || ch === '：') && /\s/u.test(text[i + 1] ?? ' ') && i - start <= 60) {
      cut(i, i + 1); // a preamble: "Two things from Acme: …", 「質問です：…」
    } else if (ch === '、' || ch === ',') {
      if (setsScene(text.slice(Math.max(start, i - 12), i))) cut(i + 1, i + 1);
      // ", since they…", ", because…", ", as their…": what follows gives a reason, not a question.
      else if (givesReason(text.slice(i + 1, i + 12))) cut(i, i + 1);
    }
  }
  cut(text.length, text.length);
  return sentences;
}

/**
 * Conjunctions joining two things asked about: "RPO and RTO", "X and, if so, Y", 「RPOとRTO」,
 * 「〜のか、〜のか」, a list of nouns 「テナント分離、鍵管理、暗号化」 (not after a time or condition: 「障害発生時、…」). Not や:
 * 「夜間や休日」 lists examples of one thing. Lists with markers ("(a) … (b) …", "1) … 2) …") are split at their markers
 * (LIST_MARKER_SPLIT) instead.
 */
const CONJUNCTION =
  /(?:\s*,)?\s+and,?\s+if\s+(?:so|yes|not|(?:there\s+(?:is|are)|(?:they|we|you|it)\s+(?:do|does|are|is|can))(?=\s*,))\s*,?\s*|(?:\s*,)?\s+(?:and\s+also|and|&|\+|plus|as\s+well\s+as|along\s+with)\s+(?:\((?:[a-e]|[1-5])\)\s*)?|(?<=[\p{Script=Han}\p{Script=Katakana}ー])(?<![時際後前中間上下内外以])、(?=[\p{Script=Han}\p{Script=Katakana}])|,\s*(?=(?:how|what|when|where|which|who|is|are|do|does|can)\s)|(?<=[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー])(?:と|及び|および|並びに|ならびに)(?=[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9])|(?<=か|の)、|(?<=[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー])と、|、(?:あと|それと|また|および|及び|並びに|ならびに)、?/gu;

/**
 * A preposition right before ", and" means the clause was cut inside a phrase, not between two questions: "is it aware
 * of, and does it take into account, the …" joins two verbs over one object. Such a clause is asked whole. ("Is it
 * turned on and …" has no comma: a phrasal verb, not a cut.)
 */
const DANGLING_BEFORE_AND = /\b(?:of|to|for|with|about|on|in|into|from|by|at|whether|than)\s*,\s*(?:and|or)\s/iu;

/** More sides than this is a sentence full of "and"s, not a list of questions. */
const MAX_SIDES = 3;

/** The marker of a list's later entries: "(b)", " 2)", "②". */
const LIST_MARKER_SPLIT = /\s*\((?:[b-e]|[2-5])\)\s*|\s+(?:[b-e]|[2-5])[)）]\s*|[②③④⑤]/gu;
const LIST_MARKER = new RegExp(LIST_MARKER_SPLIT.source, 'u');

/** "(a) what is the RPO and (b) …": the joiner left at the end of an entry. */
const LIST_ENTRY_JOINER = /[\s,]+(?:and|&|plus|or)$/iu;

/** Connectors of a list typed in chat: "virus scanning + who can see what", "RPO & RTO". */
const ENUMERATING = /\s[+&]\s/u;

/** The marker of a list's first entry: "(a)", "1)", "①". */
const FIRST_MARKER = /^\s*(?:\((?:a|1)\)|(?:a|1)[)）]|①)\s*/u;

/**
 * Reads messages with the framing patterns of knowledge/vocabulary.yaml (`framing`): which clauses ask, what is only
 * framing, which clause is a further question. Built once per loaded knowledge version.
 */
export class MessageReader {
  private readonly questionStart: RegExp;
  private readonly questionEnd: RegExp;
  private readonly relayed: RegExp;
  private readonly subjectAsks: RegExp;
  private readonly relayedStart: RegExp;
  private readonly relayedEnd: RegExp;
  private readonly relayedInner: RegExp;
  private readonly relayedStatement: RegExp;
  private readonly sceneSetting: RegExp;
  private readonly reason: RegExp;
  private readonly additive: RegExp;
  private readonly condition: RegExp;
  private readonly refersBack: RegExp;

  constructor(framing: Vocabulary['framing']) {
    const compile = (source: string): RegExp => new RegExp(source, 'iu');
    this.questionStart = compile(framing.question_start);
    this.questionEnd = compile(framing.question_end);
    this.relayed = compile(framing.relayed);
    this.subjectAsks = compile(framing.subject_asks);
    this.relayedStart = compile(framing.relayed_start);
    this.relayedEnd = compile(framing.relayed_end);
    this.relayedInner = compile(framing.relayed_inner);
    this.relayedStatement = compile(framing.relayed_statement);
    this.sceneSetting = compile(framing.scene_setting);
    this.reason = compile(framing.reason);
    this.additive = compile(framing.additive);
    this.condition = compile(framing.condition);
    this.refersBack = compile(framing.refers_back);
  }

  /** Splits a message into clauses, each with its framing removed and whether it asks something. */
  segments(message: string): Segment[] {
    const sentences = splitSentences(message, (before) => this.sceneSetting.test(before), (after) => this.reason.test(after))
      // "…caught them off guard, and they want to know how…": context, then the relayed question.
      .flatMap((sentence) => {
        const inner = this.relayedInner.exec(sentence);
        return inner && inner.index > 0 ? [sentence.slice(0, inner.index), sentence.slice(inner.index + inner[0].length)] : [sentence];
      });
    return sentences.map((sentence) => {
      const text = this.stripFraming(sentence);
      const framed = text !== sentence.trim();
      const framing = sentence.trim().slice(0, Math.max(0, sentence.trim().indexOf(text)));
      const asks = this.asks(text) || this.asks(sentence, framed && !this.relayedStatement.test(framing));
      return { text, asks, additive: this.additive.test(text), framed };
    });
  }

  /**
   * The clauses that ask, each with the context it leans on: a question such as "is that something we support?" or
   * 「それは可能ですか」 right after a clause that only describes something is read together with that clause, so
   * what it describes (a known gap, a topic) counts, unless `standsAlone` says the question names its own topic.
   * When no clause asks, every clause is returned.
   */
  askingClauses<T extends Segment & { original: string }>(segments: T[], standsAlone: (clause: string) => boolean = () => false): T[] {
    if (!segments.some((segment) => segment.asks)) return segments;
    const asking: T[] = [];
    for (const [i, segment] of segments.entries()) {
      if (!segment.asks) continue;
      const before = segments[i - 1];
      // "…visit the office next week. Is this service ISO 27001 certified?" names its own topic: it stands alone.
      if (!before || !this.refersBack.test(segment.text) || standsAlone(segment.text)) {
        asking.push(segment);
        continue;
      }
      // The clause it refers to is one question with it, whether or not that clause asked on its own.
      if (before.asks) asking.pop();
      asking.push(joinClauses(before, segment, segment));
    }
    return asking;
  }

  /** Removes framing from one clause: "the customer's CISO is asking whether", 「お客様から、」, 「〜とのご質問です」. */
  stripFraming(clause: string): string {
    let text = clause.trim();
    const relayed = this.relayed.exec(text);
    if (relayed && relayed[0].length < text.length && !this.subjectAsks.test(relayed.groups?.subject ?? '')) text = text.slice(relayed[0].length);
    text = text.replace(this.relayedStart, '');
    const stripped = text.replace(this.relayedEnd, '');
    return (stripped.trim() || text).trim();
  }

  /** The clause without its opening "also", 「あと」…: what it asks. */
  withoutOpener(clause: string): string {
    const opener = this.additive.exec(clause);
    return opener ? clause.slice(opener[0].length).replace(/^[\s,、:：]+/u, '') : clause;
  }

  /** True when a clause ends with a question mark (spaces after it aside). */
  static questionMarked(clause: string): boolean {
    return /[?？]$/u.test(clause.trimEnd());
  }

  /** True when a clause asks something: a question mark, a question word or request, or it was framed as a question. */
  asks(clause: string, framed = false): boolean {
    const text = clause.trim();
    return framed || MessageReader.questionMarked(text) || this.questionStart.test(text) || this.questionEnd.test(text);
  }

  /**
   * The sides of "X and Y" in one clause (at most three), or the clause alone. Each side is then asked on its own. A
   * side that neither asks nor is a short noun phrase ("RTO", "in transit") is context:
   * "the customer is about to hit their limit and asks what it is" asks one thing. In a `framed` clause ("wants to
   * know whether X and Y") the first side is asked too.
   */
  conjunctionParts(clause: string, framed = false): string[] {
    if (DANGLING_BEFORE_AND.test(clause)) return [clause];
    // A numbered or lettered list ("1) … 2) … 3) …") is split at its markers only: an "and" inside one entry
    // ("how often are backups taken and where do they live") belongs to that entry.
    const listed = LIST_MARKER.test(clause);
    const parts = clause
      .split(listed ? LIST_MARKER_SPLIT : CONJUNCTION)
      .map((part) => part.replace(FIRST_MARKER, '').replace(LIST_ENTRY_JOINER, '').trim())
      .filter(Boolean);
    if (parts.length < 2 || parts.length > MAX_SIDES) return [clause];
    // Sides joined by "+", "&" or list markers are each asked, however long: the writer listed them.
    const enumerated = listed || ENUMERATING.test(clause);
    const asked: string[] = [];
    let situation = '';
    for (const [i, part] of parts.entries()) {
      // "if you ever shut the product down, how much notice…": the situation belongs to the question after it.
      if (i < parts.length - 1 && this.condition.test(part) && !MessageReader.questionMarked(part)) {
        situation = `${situation}${part} `;
        continue;
      }
      // "wants to know whether there's a stopgap and, if so, …": the framing made the first side a question.
      // A side holding a question mark asks, even with a follow-up joined after it ("the MTTR? both numbers").
      if (enumerated || (framed && i === 0) || this.asks(part) || part.includes('?') || part.includes('？') || part.split(/\s+/u).length <= 3) asked.push(`${situation}${part}`);
      situation = '';
    }
    return asked.length >= 2 ? asked : [clause];
  }
}

type Clause = { text: string; original: string };

/** Two clauses read as one, in order; the other fields (asks, additive…) are those of `base`. */
export function joinClauses<T extends Clause>(before: Clause, after: Clause, base: T): T {
  return { ...base, text: `${before.text} ${after.text}`, original: `${before.original} ${after.original}` };
}

/**
 * Capitalised words that are probably names of companies, products or people (Acme, Globex's): capitalised inside a
 * sentence, or with a possessive anywhere; in Japanese, words addressed with さん (katakana ones also with 様/社). Acronyms (RPO, SSO) are not
 * names: they are what people ask about.
 * The caller keeps only those the index does not know.
 */
export function nameCandidates(message: string): string[] {
  const text = message.slice(0, MAX_MESSAGE_CHARS);
  const names = new Set<string>();
  for (const match of text.matchAll(/(^|[.?!。？！]\s*|\s)([A-Z][a-z]+(?:[A-Z][a-z]+)*)(['’]s)?(?=[\s,.?!:;)]|$)/gu)) {
    const [, before = '', word = '', possessive] = match;
    const sentenceStart = before === '' || /[.?!。？！]/u.test(before);
    if (!sentenceStart || possessive) names.add(word);
  }
  // Japanese: a company or person addressed with さん/様/社 (アクメ商事さんから, 山田さんから).
  // Kanji words end in 様 or 社 too (仕様, 会社): a kanji name needs さん.
  for (const match of text.matchAll(/([\p{Script=Katakana}ー]{2,}(?:商事|商会|工業|物産|銀行|証券|産業)?(?=(?:さん|様|社)(?:から|より|が|の|に|は|も|、))|(?<![\p{Script=Han}])[\p{Script=Han}]{2,4}(?=さん(?:から|より|が|の|に|は|も|、)))/gu)) {
    names.add(match[1]!);
  }
  return [...names];
}
