export type Language = 'en' | 'ja';

/** A question with any kana or kanji is Japanese; anything else (including bare numbers) is answered in English. */
export function languageOf(text: string): Language {
  return /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/u.test(text) ? 'ja' : 'en';
}
