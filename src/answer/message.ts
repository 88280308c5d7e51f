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
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'no', 'vs', 'etc', 'approx', 'incl', 'esp', 'mr', 'ms', 'dr', 'st', 'inc', 'ltd', 'co']);

/**
 * Splits a message into sentences: after ? ! 。 ？ ！ (and runs of them), at line breaks, at ". " unless it ends an
 * abbreviation (e.g., No.) or a number, at ";" and at dashes between spaces; in Japanese also after a clause that only
 * sets the scene (〜とのことで、〜ですが、〜けど、).
 */
export function splitSentences(message: string): string[] {
  const text = message.slice(0, MAX_MESSAGE_CHARS);
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
      if (SCENE_SETTING_CLAUSE.test(text.slice(Math.max(start, i - 12), i))) cut(i + 1, i + 1);
      // ", since they…", ", because…", ", as their…": what follows gives a reason, not a question.
      else if (REASON_CLAUSE.test(text.slice(i + 1, i + 12))) cut(i, i + 1);
    }
  }
  cut(text.length, text.length);
  return sentences;
}

/** Japanese clause endings that set the scene rather than ask: 〜予定とのことで、 / 〜と聞いたけど、 / 〜ですが、 */
const SCENE_SETTING_CLAUSE = /(?:とのことで|とのことですが|ということで|ですが|ますが|けど|けれど|けれども|ので)$/u;

/** English openers of a clause that gives the reason for asking. */
const REASON_CLAUSE = /^\s*(?:since|because|as|cause|cuz|coz)\s/iu;

/** English question openers: a clause starting with one of these asks something, with or without a question mark. */
const EN_ASKING_START =
  /^(?:(?:and|also|plus|so|ok|okay|oh|btw|hey|hi|quick q|q)[\s,:]+)*(?:what|whats|what's|how|when|where|which|who|whom|whose|why|whether|is|are|was|were|do|does|did|can|could|will|would|should|shall|have|has|had|may|might|any|describe|explain|list|state|provide|confirm|indicate|specify|outline|detail|tell|please|pls|plz)\b/iu;

/** Japanese endings that ask: か, の, っけ, 教えて, ください, たい, でしょうか, 〜とのご質問です… */
const JA_ASKING_END = /(?:か|かな|の|のか|っけ|だっけ|教えて|教えてほしい(?:です)?|ください|下さい|たい(?:です)?|ほしい(?:です)?|欲しい(?:です)?|でしょうか|ますか|ですか|ご教示|願います|とのこと(?:です)?|ご質問(?:です)?|質問(?:です)?|聞かれた|聞かれました|る|てる)[。.]*$/u;

/** Additive openers: what follows is a further question. */
const ADDITIVE_START = /^(?:and|also|plus|another|additionally|secondly|second|then|oh and|and also|btw|あと|それと|また|それから|ついでに|加えて|さらに|ちなみに|もう一点|もう1点|もうひとつ)(?:[\s,、:：]|$|(?=[\p{Script=Han}\p{Script=Katakana}]))/iu;

/**
 * Framing in English: a subject (up to eight words that ask nothing themselves) followed by a verb of asking —
 * "The customer's CISO is asking whether", "Acme wants to know", "their auditor would like to know how".
 * The question word after it is kept ("how long…"); whether/if/about are dropped.
 */
const EN_FRAMING =
  /^(?:[\p{L}\p{N}'’&.-]+\s+){0,8}?(?:is\s+|are\s+|was\s+|were\s+|has\s+|have\s+|'s\s+)?(?:asking|asks|asked|wants\s+to\s+know|want\s+to\s+know|wanted\s+to\s+know|would\s+like\s+to\s+know|'d\s+like\s+to\s+know|needs\s+to\s+know|need\s+to\s+know|wondering|wonders|wondered|is\s+curious|are\s+curious|curious|inquiring|enquiring|querying|says|said|mentioned|raised|worried|concerned|checking)(?:\s+(?:us|me|you|them|about|on|re))?\s*(?:whether|if|about|that)?[\s,:]*/iu;

/** Words that, inside the would-be subject, show the clause is itself the question ("how do we handle … asks"). */
const EN_QUESTION_WORD = /\b(?:what|whats|how|when|where|which|why|do|does|did|can|could|will|would)\b/iu;

/** Framing in Japanese, at the start (お客様から、/ 客に聞かれた:) and at the end (〜とのご質問です。/ 〜を知りたいそうです). */
const JA_FRAMING_START = /^(?:(?:お客様|お客さま|お客さん|顧客|客|先方|取引先|ユーザー|ユーザ|利用者)(?:様|さん)?(?:の[^、。]{1,12}?)?(?:から|より|が)(?:[\d０-９一二三四五]+点)?(?:、|,|：|:|\s)*)/u;
const JA_FRAMING_END =
  /(?:(?:か|の|のか)?(?:ど)?(?:うか)?(?:と|って)?(?:の|という|いう)?(?:ご質問|質問|お問い合わせ|問い合わせ|問合せ|ご相談|ご要望|ご確認|確認依頼|こと|話)(?:を受けました|をいただきました|がありました|が来ました|が来てます|です|でした|だそうです|があります)?|(?:を|が)?(?:知りたい|確認したい|聞きたい|教えてほしい|教えて欲しい)(?:との|という)?(?:こと|そう)?(?:です|でした)?|(?:と|って)?(?:客|お客様|お客さん|先方)?(?:に|から)?(?:聞かれ|言われ|質問され)(?:た|ました|てる|ています))[。.！!]*$/u;

/** Removes framing from one clause. */
export function stripFraming(clause: string): string {
  let text = clause.trim();
  const en = EN_FRAMING.exec(text);
  if (en && en[0].length < text.length) {
    const verb = /(?:asking|asks|asked|know|wondering|wonders|wondered|curious|inquiring|enquiring|querying|says|said|mentioned|raised|worried|concerned|checking)/iu.exec(en[0]);
    const subject = verb ? en[0].slice(0, verb.index) : '';
    if (!EN_QUESTION_WORD.test(subject)) text = text.slice(en[0].length);
  }
  text = text.replace(JA_FRAMING_START, '');
  const stripped = text.replace(JA_FRAMING_END, '');
  return (stripped.trim() || text).trim();
}

/** True when a clause asks something (after its framing is removed). */
export function asks(clause: string, framed: boolean): boolean {
  const text = clause.trim();
  return framed || /[?？]$/u.test(text) || EN_ASKING_START.test(text) || JA_ASKING_END.test(text);
}

/** Splits a message into clauses, each with its framing removed and whether it asks something. */
export function segmentMessage(message: string): Segment[] {
  return splitSentences(message).map((sentence) => {
    const text = stripFraming(sentence);
    return { text, asks: asks(sentence, text !== sentence.trim()), additive: ADDITIVE_START.test(text) };
  });
}

/**
 * Capitalised words that are probably names of companies, products or people (Acme, Globex's): capitalised inside a
 * sentence, or with a possessive anywhere. Acronyms (RPO, SSO) are not names: they are what people ask about.
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
  return [...names];
}

/** Conjunctions joining two things asked about: "RPO and RTO", 「RPOとRTO」, 「〜のか、〜のか」. */
const CONJUNCTION =
  /\s*,?\s+(?:and\s+also|and|&|plus|as\s+well\s+as|along\s+with)\s+|,\s*(?=(?:how|what|when|where|which|who|is|are|do|does|can)\s)|(?<=[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー])(?:と|や|及び|および|並びに|ならびに)(?=[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9])|(?<=か|の)、|(?<=[\p{Script=Han}\p{Script=Katakana}A-Za-z0-9ー])と、|、(?:あと|それと|また)、?/u;

/**
 * The sides of "X and Y" in one clause (at most three), or the clause alone. Each side is then asked on its own. A
 * side that neither asks nor is a short noun phrase ("RTO", "in transit") is context: "the customer is about to hit
 * their limit and asks what it is" asks one thing.
 */
export function conjunctionParts(clause: string): string[] {
  const parts = clause.split(new RegExp(CONJUNCTION.source, 'gu')).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2 || parts.length > 3) return [clause];
  const asked = parts.filter((part) => asks(part, false) || part.split(/\s+/u).length <= 3);
  return asked.length >= 2 ? asked : [clause];
}
