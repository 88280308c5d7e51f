/** Deterministic generators of hostile inputs, shared by the fuzz test and anyone reproducing a failure. */

/** mulberry32: a small seeded PRNG, so every failure can be replayed from its seed and index. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKUP = ['<!channel>', '<!here>', '<!everyone>', '<@U123>', '<@W0ABC|someone>', '<https://x.example|y>', '<#C123|general>', '<!subteam^S123|@team>', '<mailto:a@b.example|mail>', '&lt;!channel&gt;', '<!date^1392734382^{date}|Feb 18>'];
const NUMBERS = ['No.-1', 'No.1e9', 'No.0', '#999999999999', '1-1000000', '28-32', '２９', 'Ｎｏ．４２', '29番', '項目5', '0x1F', 'No.29.5', '1,2,3,4,5,6,7,8,9,10,11,12', '-', '#', 'No.', '٢٩', '𝟐𝟗', '²⁹'];
const WORDS = ["what's our RPO?", 'バックアップ', 'encrypt', 'SAML', 'データ管理', 'help', 'list', '非公開', 'ｶﾀｶﾅ', 'TLS 1.2', 'ISO27001', 'thanks!', '', ' ', '\n'];
const EMOJI = ['😀', '🔐', '👍🏽', '🇯🇵', '👨‍👩‍👧', '🫠', '✅'];
const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u200b', '\u200e', '\u202e', '\ufeff', '\r', '\t', '\u2028'];

function randomCodePoint(random: () => number): string {
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e], [0xa0, 0x24f], [0x3040, 0x30ff], [0x4e00, 0x9fff], [0xff00, 0xffef], [0x1f300, 0x1faff], [0x0, 0x1f], [0x300, 0x36f], [0xd800, 0xdfff], [0x10000, 0x10ffff],
  ];
  const [lo, hi] = ranges[Math.floor(random() * ranges.length)]!;
  const cp = lo + Math.floor(random() * (hi - lo + 1));
  return cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp); // lone surrogates too
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** The i-th input of a run: every tenth kind of input comes up in turn, with random content. */
export function fuzzInput(random: () => number, i: number): string {
  switch (i % 10) {
    case 0:
      return Array.from({ length: Math.floor(random() * 60) }, () => randomCodePoint(random)).join('');
    case 1:
      return Array.from({ length: 1 + Math.floor(random() * 20) }, () => pick(random, CONTROL) + pick(random, WORDS)).join('');
    case 2:
      // A 40,000-character text (Slack's limit), one in 250 inputs: twenty in a default run (each costs as much as
      // twenty or so short inputs); FUZZ_COUNT raises the number of both for a longer local run.
      return i % 250 === 2 ? Array.from({ length: 40_000 }, () => randomCodePoint(random)).join('').slice(0, 40_000) : pick(random, WORDS).repeat(1 + Math.floor(random() * 50));
    case 3:
      return Array.from({ length: 1 + Math.floor(random() * 30) }, () => pick(random, EMOJI)).join('');
    case 4:
      return Array.from({ length: 1 + Math.floor(random() * 6) }, () => `${pick(random, MARKUP)} ${pick(random, WORDS)}`).join(' ');
    case 5:
      return pick(random, NUMBERS) + (random() < 0.5 ? '' : ` ${pick(random, NUMBERS)}`);
    case 6:
      return `${pick(random, MARKUP)}${pick(random, NUMBERS)}${pick(random, EMOJI)}${pick(random, CONTROL)}`;
    case 7:
      return Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(random, [...WORDS, ...NUMBERS, ...MARKUP, ...EMOJI])).join(random() < 0.5 ? ' ' : '');
    case 8:
      return String(Math.floor(random() * 1e6) * (random() < 0.2 ? -1 : 1)) + (random() < 0.5 ? '番' : '');
    default:
      return `${pick(random, WORDS)}${'?'.repeat(Math.floor(random() * 5))}`;
  }
}
