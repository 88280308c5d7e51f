/**
 * Words that carry no topic in a question. Kept small on purpose: BM25 already discounts common words, and every word
 * listed here can never match anything.
 */
export const ENGLISH_STOP_WORDS = new Set(
  `a about above after again all also am an and any anyone are as at be been being both but by can could
  did do does doing done each either else ever every for from further get gets got had has have having he her here
  hers him his how i if in into is it its itself just let like may me might more most much must my no nor not
  now of off on once only or other our ours ourselves out over own please same shall she should so some such
  than that the their theirs them then there these they this those through to too under until up upon us very
  was we were what whats when whether which while who whom whose why will with within would yes you your
  yours yourself
  hi hello hey thanks thank thx cheers ok okay good great morning afternoon evening bye
  know want need wondering question questions answer check sheet checklist item items go goes going went happen happens happened`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Boilerplate of security questionnaires (CAIQ, HECVAT, VSAQ and the like): words that describe the shape of the
 * question ("are processes and procedures defined, documented, approved…") rather than its topic.
 */
export const QUESTIONNAIRE_BOILERPLATE = new Set(
  `process processes procedure procedures policy policies practice practices technical measure measures mechanism
  mechanisms defined define established establish documented document documentation approved approve
  communicated applied evaluated maintained implemented implement ensure ensured appropriate appropriately
  adequate adequately applicable relevant regular regularly periodic periodically institution institutions
  organization organisation company vendor provider providers describe list explain detail details include including
  e.g eg etc i.e ie following such provide provided provides offer offers
  available use used using able currently recently generally willing`
    .split(/\s+/)
    .filter(Boolean),
);

/** Japanese particles, auxiliaries and politeness that the segmenter returns as words. Matched after kana folding. */
export const JAPANESE_STOP_WORDS = new Set(
  `の は を に が で と も か へ や な ね よ から まで より など です ます ました ません でしょう でしょうか ですか
  ますか して した する します され される さ れ ある あります いる います ない いて こと もの ため これ それ あれ
  この その どの どれ なに 何 なん いつ どう どうして どのくらい どれくらい くらい ください 下さい 教えて 教え
  て お ご について に関して 弊社 御社 貴社 当社 お願い 願い いたします 致します ありがとう こんにちは
  くだ さい てい てる ている おり おります れる られる でき できる できます できますか なっ なって なる なり
  いう という とは って 何人 使 使え 使える 使う ますでしょうか ありま すか したら ますか ありますか いますか でしょ 対応 教えてください 知りたい 確認 いただけ 頂け`
    .split(/\s+/)
    .filter(Boolean),
);
