import { normalizeText } from './normalize.js';

/**
 * English phrases whose meaning is not in their words ("log in" is not about logs, "goes down" is an outage),
 * rewritten to one word before tokenizing. Applied to questions and to the sheet's companion alike.
 */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:log|logs|logged|logging|sign|signs|signed|signing)[\s-]+(?:in|on)(?:to)?\b/g, 'login'],
  [/\b(?:log|logs|logged|logging|sign|signs|signed|signing)[\s-]+(?:out|off)\b/g, 'logout'],
  [/\b(?:go|goes|went|gone|going|is|are|was)[\s-]+down\b/g, 'outage'],
  [/\b(?:burn|burns|burned|burnt|burning)[\s-]+down\b/g, 'fire'],
  [/\bat[\s-]+(?:once|the same time)\b/g, 'simultaneously'],
  [/\b(?:bring|brings|bringing|brought)\s+(?:[\p{L}'-]+\s+){0,3}?back(?:\s+(?:up|online))?\b/gu, 'restore'], // before "back up": "bring it back up" is a recovery, not a backup
  [/\b(?:back\s+online|up\s+and\s+running)\b/g, 'restore'],
  [/\b(?:back|backs|backed|backing)[\s-]+up\b/g, 'backup'],
  [/\bround[\s-]the[\s-]clock\b/g, '24x7'],
  [/\bhow\s+(soon|quickly|promptly|fast)\b/g, 'how $1 time'], // asks for a time: "how soon will you tell us"
  [/\bpull(?:s|ed|ing)?\s+the\s+plug\b/g, 'shutdown'],
  [/\bwhere\s+(?:applicable|possible|appropriate|necessary|relevant|required|needed|feasible)\b/g, ' '], // not a place
  [/\bheads[\s-]?up\b/g, 'notice'],
  [/\bstop(?:s|ped|ping)?\s+(?:offering|providing|selling|running|supporting)\b/g, 'discontinue'],
  [/\bhow\s+far\s+back\b/g, 'retention period'],
  [/\bp[\s-]?mark\b|\bp\s?マーク/gu, 'プライバシーマーク'],
  [/どれ(?:くらい|ぐらい)で|何分(?:以内に|で)|何時間(?:以内に|で)|いつまでに/gu, '時間'],
  [/落とせ|落とし(?=て|た)/gu, 'ダウンロード'],
  [/何\s*(?:%|パーセント)|\bwhat\s*(?:%|percent(?:age)?)/gu, 'percentage'],
  // Japanese verb forms the segmenter cuts into a bare stem (止|まっ|た): the noun the sheet uses instead.
  [/止ま[っらりるれ]|止め[たてる]/gu, '停止'],
  [/(?<=[がは])落ち(?=[たてる])/gu, '停止'],
  [/混ざ|混じ/gu, '混在'],
  [/遡|さかのぼ/gu, '期間'],
  [/何(?:年|日|か月|ヶ月|カ月|週間)(?:分|間)?/gu, '期間'],
  [/どこ(?=[にでへのまか])/gu, '場所'],
];

/** Lower-cases (NFKC) and rewrites the phrases above; other text is left as it is. */
export function rewritePhrases(text: string): string {
  let out = normalizeText(text);
  for (const [pattern, word] of PHRASES) out = out.replace(pattern, word);
  return out;
}
