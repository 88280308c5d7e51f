import type { Language } from '../answer/language.js';

/**
 * Every user-facing string of the bot, one catalogue per language: plain text, Block Kit and the Slack adapters all
 * take their words from here, so a wording change touches this file only and text and Block Kit say the same thing.
 * Sheet cells and reviewed translations are not here: they are data (knowledge/), shown verbatim.
 */
export interface Strings {
  // Answers
  answerLabel: string;
  answerLabelStale: string;
  answerLabelMissing: string;
  japaneseOriginal: string;
  notDisclosed: string;
  sectionLabel: string;
  unit: string;
  definition: string;
  seeAlso: string;
  closeIntro: string;
  /** A picker's question: `count` items are offered. */
  picker: (count: number) => string;
  nearest: string;
  erratum: (wrong: string, right: string) => string;
  source: (title: string, company: string, date: string, version: string) => string;
  truncated: (more: number) => string;
  phrasing: (model: string) => string;
  unlisted: (list: string, no: number) => string;
  listSeparator: string;
  partHeading: (index: number, question: string) => string;
  /** Under a multi-part answer that could not take every question of the message. */
  moreParts: (more: number) => string;
  sectionItems: (title: string) => string;
  help: string;
  unknownItem: (given: string, first: number, last: number) => string;
  knownGap: (topic: string) => string;
  noContent: string;
  notCovered: string;
  listTitle: (count: number) => string;
  versionLine: (company: string, date: string, items: number, version: string, loadedAt: string) => string;
  shortened: string;
  // Customer copy (text a customer receives)
  copyOpening: (date: string) => string;
  copyItemHeading: (name: string) => string;
  copyQuestionHeading: (question: string) => string;
  copyNotDisclosed: string;
  copyNotCovered: string;
  copyUnlisted: (list: string) => string;
  copyErratum: (wrong: string, right: string) => string;
  /** Under an answer quoted in Japanese in the English copy (its translation is stale or missing). */
  copyUntranslated: string;
  copyReference: (no: number) => string;
  // Customer copy: what staff see around it
  copyIntroStaff: string;
  copyLanguageName: Record<Language, string>;
  copyFormat: Record<Language | 'both', string>;
  copyWithReference: string;
  copyWithoutReference: string;
  copyNoteNotDisclosed: string;
  copyNoteErratum: (no: number) => string;
  copyNoteUntranslated: (no: number) => string;
  copyNoteStale: (no: number) => string;
  // Buttons
  copy: string;
  share: string;
  helpful: string;
  notHelpful: string;
  // Replies to clicks
  feedbackThanks: string;
  // Slack Connect and sharing
  sharedChannel: string;
  sharedUnknown: string;
  /** A private channel the bot is not in: Slack says channel_not_found; the fix is to invite the bot. */
  sharedNotMember: string;
  sharedBy: (user: string, question: string) => string;
  /** Above a shortcut's answer sent as a DM because Slack refused the private reply in the channel. */
  shortcutInDm: (channel: string) => string;
  feedbackWhy: string;
  // App Home
  homeTitle: string;
  homeIntro: string;
  homeHowToAsk: string;
  /** Questions the bot answers with an item (test/render/home.test.ts holds them to that). */
  homeExamples: string[];
  homeShortcutTitle: string;
  homeShortcut: string;
  homeSwitchLanguage: string;
  itemCount: (count: number) => string;
  feedbackReason: Record<'wrong_item' | 'should_be_covered' | 'outdated' | 'other', string>;
  feedbackReasonThanks: string;
  feedbackModalTitle: string;
  feedbackModalSubmit: string;
  feedbackModalClose: string;
  feedbackModalQuestion: string;
  feedbackModalLabel: string;
}

const HELP = {
  en: [
    'Ask me about our security check sheet, e.g. "what\'s our RPO?" or "do we encrypt data at rest?".',
    'Look an item up by number: 29, No.29, #29, 29番, ２９; several: 29, 30, 32 or 28-32.',
    'A section name lists its items: データ管理, セキュリティ, サポート, アプリケーション運用.',
  ].join('\n'),
  ja: [
    'セキュリティチェックシートの内容について質問してください（例：「RPOは？」「バックアップの保存期間は？」）。',
    '項目番号でも表示できます：29、No.29、#29、29番、２９。複数なら「29, 30, 32」や「28-32」。',
    '区分名（データ管理、セキュリティ、サポート、アプリケーション運用）を送ると、その区分の項目を一覧表示します。',
  ].join('\n'),
};

export const STRINGS: Record<Language, Strings> = {
  en: {
    answerLabel: 'Answer (reviewed English translation)',
    answerLabelStale: 'Answer (Japanese original; the English translation is out of date and awaiting review)',
    answerLabelMissing: 'Answer (Japanese original; no reviewed English translation yet)',
    japaneseOriginal: 'Japanese original (設定等)',
    notDisclosed: 'Not disclosed (非公開): do not give customers more than this.',
    sectionLabel: 'Section',
    unit: 'Unit',
    definition: 'Definition',
    seeAlso: 'See also',
    closeIntro: 'More than one item fits; the closest first:',
    picker: (count) => (count === 2 ? 'Two items fit your question. Which one did you mean?' : 'Several items fit your question. Which one did you mean?'),
    nearest: 'Nearest items (these do not answer the question as asked):',
    erratum: (wrong, right) => `Known typo in the sheet: "${wrong}" should read "${right}" (the cell above is quoted as written).`,
    source: (title, company, date, version) => `Source: ${title} (${company}, ${date}; version ${version})`,
    truncated: (more) => `…and ${more} more: ask for fewer items at a time.`,
    phrasing: (model) => `Summary by AI (${model}); the sheet's answer below is what counts`,
    unlisted: (list, no) => `⚠ The check sheet does not list ${list}. Below is what item No.${no} says; it is not an answer about ${list}.`,
    listSeparator: ', ',
    partHeading: (index, question) => `[Question ${index + 1}] ${question}`,
    moreParts: (more) => `…and ${more} more question${more === 1 ? '' : 's'} in your message: please ask ${more === 1 ? 'it' : 'them'} separately.`,
    sectionItems: (title) => `Items in ${title}:`,
    help: HELP.en,
    unknownItem: (given, first, last) => `There is no item ${given} on the check sheet; items are ${first}–${last}.`,
    knownGap: (topic) => `The checklist does not cover this (${topic}). Please ask the security team.`,
    noContent: `I answer questions about the security check sheet.\n${HELP.en}`,
    notCovered: 'The checklist does not cover this.',
    listTitle: (count) => `Check sheet items (${count})`,
    versionLine: (company, date, items, version, loadedAt) => `${company} ${date} · ${items} items · version ${version} · loaded ${loadedAt}`,
    shortened: '…(shortened to fit one Slack message)',
    copyOpening: (date) => `Please find our answers below, based on our security check sheet (${date}).`,
    copyItemHeading: (name) => `${name}:`,
    copyQuestionHeading: (question) => `Regarding "${question}":`,
    copyNotDisclosed: 'We are unable to disclose this information.',
    copyNotCovered: 'Our security check sheet does not cover this point. We will check with the responsible team and get back to you.',
    copyUnlisted: (list) => `Please note that our check sheet does not mention ${list}; the above is what the sheet states for this item.`,
    copyErratum: (wrong, right) => `(Corrected: the sheet's text reads "${wrong}", a typo for "${right}".)`,
    copyUntranslated: '(The English translation of this answer is being reviewed; the answer above is quoted in the original Japanese.)',
    copyReference: (no) => `(Reference: check sheet item No.${no})`,
    copyIntroStaff: 'Text for the customer, ready to paste (no markup). Each language is its own block.',
    copyLanguageName: { ja: 'Japanese', en: 'English' },
    copyFormat: { ja: 'Japanese only', en: 'English only', both: 'Japanese and English' },
    copyWithReference: 'Add item No.',
    copyWithoutReference: 'Without item No.',
    copyNoteNotDisclosed: 'An item is not disclosed (非公開): the copy says so politely; do not give the customer more than this.',
    copyNoteErratum: (no) => `No.${no}: the Japanese copy corrects a known typo of the sheet and says so (see knowledge/errata.yaml).`,
    copyNoteUntranslated: (no) => `No.${no} has no reviewed English translation: the English copy shows the Japanese original.`,
    copyNoteStale: (no) => `No.${no}: the sheet's answer changed since its English was reviewed, so the English copy shows the new Japanese answer, marked as such. Check it before sending.`,
    copy: 'Copy for customer',
    share: 'Share in channel',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
    feedbackThanks: 'Thanks for the feedback.',
    sharedChannel: 'This channel is shared with another organisation, so answers stay private here (only you can see them).',
    sharedUnknown:
      'I could not check whether this channel is shared with another organisation, so the answer stays private (only you can see it). Use “Copy for customer” to paste it, or ask your Slack admin to give the bot the channels:read and groups:read scopes.',
    sharedNotMember:
      'I am not a member of this channel, so I cannot check whether it is shared with another organisation, and the answer stays private (only you can see it). To share answers here, invite me to the channel (`/invite @checklist`), or use “Copy for customer” to paste it.',
    sharedBy: (user, question) => `Shared by <@${user}>: “${question}”`,
    shortcutInDm: (channel) => `You used “Answer from checklist” in <#${channel}>. I could not reply there (I may not be in that channel), so the answer is here, visible only to you.`,
    feedbackWhy: 'Thanks. What was wrong with this answer?',
    homeTitle: 'Security check sheet answers',
    homeIntro:
      'I answer questions about our security check sheet: availability, backups, support, data handling and security measures. Every answer quotes the sheet\'s cell word for word with its item No.; English answers use the reviewed translation. When the sheet does not cover a question, I say so and show the nearest items.',
    homeHowToAsk: 'How to ask: mention me in a channel, send me a DM, or use /checklist. For example:',
    homeExamples: ["what's our RPO?", 'do we encrypt data at rest?', 'how long are backups kept?', '29 (item No.29)', '28-32 (several items)', '/checklist list (every item by section)'],
    homeShortcutTitle: 'Answer a customer\'s message where it is',
    homeShortcut:
      'On any message (a customer\'s in a Slack Connect channel too), open the message\'s ⋯ menu and choose "Answer from checklist". The answer is shown only to you, with "Copy for customer" to paste a reply in Japanese, English or both. Nobody else in the channel sees it.',
    homeSwitchLanguage: '日本語で表示',
    itemCount: (count) => `${count} items`,
    feedbackReason: { wrong_item: 'Wrong item', should_be_covered: 'Should be covered', outdated: 'Outdated answer', other: 'Other…' },
    feedbackReasonThanks: 'Thanks, noted. The security team reviews this feedback.',
    feedbackModalTitle: 'What was wrong?',
    feedbackModalSubmit: 'Send',
    feedbackModalClose: 'Cancel',
    feedbackModalQuestion: 'Question:',
    feedbackModalLabel: 'Tell us more (optional)',
  },
  ja: {
    answerLabel: '回答（チェックシート原文）',
    answerLabelStale: '回答（チェックシート原文）',
    answerLabelMissing: '回答（チェックシート原文）',
    japaneseOriginal: '設定等',
    notDisclosed: '非公開項目です。お客様にはこれ以上の情報をお伝えしないでください。',
    sectionLabel: '区分',
    unit: '測定単位',
    definition: '規定内容',
    seeAlso: '関連項目',
    closeIntro: '該当する項目が複数あります。近い順に表示します：',
    picker: (count) => (count === 2 ? '該当しそうな項目が2つあります。どちらについてのご質問ですか？' : `該当しそうな項目が${count}つあります。どれについてのご質問ですか？`),
    nearest: '近い項目（ご質問への直接の回答ではありません）：',
    erratum: (wrong, right) => `※ 原文の誤記：「${wrong}」は「${right}」の誤りです（上の回答は原文のまま引用しています）。`,
    source: (title, company, date, version) => `出典：${title}（${company}、${date}、バージョン ${version}）`,
    truncated: (more) => `…ほか${more}件あります。一度に指定する項目の数を減らしてください。`,
    phrasing: (model) => `AI（${model}）による要約です。正式な回答は下に引用したチェックシートの記載です`,
    unlisted: (list, no) => `⚠ ${list}はチェックシートに記載がありません。以下は No.${no} の記載内容であり、${list}についての回答ではありません。`,
    listSeparator: '、',
    partHeading: (index, question) => `【質問${index + 1}】${question}`,
    moreParts: (more) => `…ほか${more}件のご質問があります。恐れ入りますが、別にお尋ねください。`,
    sectionItems: (title) => `「${title}」の項目：`,
    help: HELP.ja,
    unknownItem: (given, first, last) => `項目 ${given} はチェックシートにありません（項目番号は ${first}〜${last} です）。`,
    knownGap: (topic) => `${topic}はチェックシートの対象外です。セキュリティ担当にお問い合わせください。`,
    noContent: `セキュリティチェックシートに関するご質問にお答えします。\n${HELP.ja}`,
    notCovered: 'このご質問の内容はチェックシートに記載がありません。',
    listTitle: (count) => `チェックシートの全項目（${count}件）`,
    versionLine: (company, date, items, version, loadedAt) => `${company} ${date}・全${items}項目・バージョン ${version}・読み込み ${loadedAt}`,
    shortened: '…（Slackの1メッセージに収まるよう省略しました）',
    copyOpening: (date) => `弊社セキュリティチェックシート（${date}版）に基づき、以下のとおりご回答いたします。`,
    copyItemHeading: (name) => `■ ${name}`,
    copyQuestionHeading: (question) => `■ ご質問「${question}」について`,
    copyNotDisclosed: '恐れ入りますが、本項目は非公開とさせていただいております。',
    copyNotCovered: '本件はチェックシートに記載がないため、担当部署に確認のうえ、あらためてご連絡いたします。',
    copyUnlisted: (list) => `なお、${list}につきましては、チェックシートに記載がございません（上記は本項目の記載内容です）。`,
    copyErratum: (wrong, right) => `※ チェックシート原文の誤記「${wrong}」を「${right}」に訂正して記載しています。`,
    copyUntranslated: '※ この回答の英訳は確認中のため、日本語の原文のまま記載しています。',
    copyReference: (no) => `（参照：チェックシート No.${no}）`,
    copyIntroStaff: 'お客様にそのまま送れる文面です（書式なし）。言語ごとに分けています。',
    copyLanguageName: { ja: '日本語', en: '英語' },
    copyFormat: { ja: '日本語のみ', en: '英語のみ', both: '日本語と英語' },
    copyWithReference: '項目No.を付ける',
    copyWithoutReference: '項目No.を付けない',
    copyNoteNotDisclosed: '非公開の項目があります。文面では丁寧にお断りしています。これ以上の情報はお伝えしないでください。',
    copyNoteErratum: (no) => `No.${no}：チェックシート原文の既知の誤記を日本語の文面で訂正し、その旨を記載しています（knowledge/errata.yaml）。`,
    copyNoteUntranslated: (no) => `No.${no} にはレビュー済みの英訳がないため、英語の文面には日本語の原文が入ります。`,
    copyNoteStale: (no) => `No.${no}：英訳のレビュー後にチェックシートの回答が変わったため、英語の文面には新しい日本語の回答を、その旨を添えて記載しています。送る前にご確認ください。`,
    copy: 'お客様向け文面',
    share: 'チャンネルに共有',
    helpful: '👍 役に立った',
    notHelpful: '👎 役に立たなかった',
    feedbackThanks: 'フィードバックありがとうございます。',
    sharedChannel: 'このチャンネルは社外の組織と共有されているため、回答はあなただけに表示しています。',
    sharedUnknown:
      'このチャンネルが社外の組織と共有されているか確認できなかったため、回答はあなただけに表示したままにしています。「お客様向け文面」から貼り付けるか、Slack 管理者にボットへの channels:read と groups:read スコープの付与を依頼してください。',
    sharedNotMember:
      'このチャンネルにボットが参加していないため、社外の組織と共有されているか確認できず、回答はあなただけに表示したままにしています。ここで共有するには、ボットをチャンネルに招待してください（`/invite @checklist`）。または「お客様向け文面」から貼り付けてください。',
    sharedBy: (user, question) => `<@${user}> さんが共有：「${question}」`,
    shortcutInDm: (channel) => `<#${channel}> で「Answer from checklist」が使われましたが、そのチャンネルには返信できなかったため（ボットが参加していない可能性があります）、こちらにお送りします。あなたにだけ表示されています。`,
    feedbackWhy: 'ありがとうございます。この回答のどこに問題がありましたか？',
    homeTitle: 'セキュリティチェックシート回答ボット',
    homeIntro:
      '弊社セキュリティチェックシートの内容（可用性、バックアップ、サポート、データの取り扱い、セキュリティ対策など）についての質問にお答えします。回答は項目No.とともにチェックシートの記載をそのまま引用します。チェックシートに記載のない内容は対象外とお伝えし、近い項目をご案内します。',
    homeHowToAsk: '質問のしかた：チャンネルでメンションする、DMを送る、または /checklist を使います。例：',
    homeExamples: ['RPOは？', '通信は暗号化していますか', 'バックアップの保存期間は？', '29（項目No.29）', '28-32（複数の項目）', '/checklist 一覧（区分ごとの全項目）'],
    homeShortcutTitle: 'お客様のメッセージにその場で回答する',
    homeShortcut:
      'メッセージ（Slackコネクトのチャンネルでのお客様のメッセージも含む）のメニュー「⋯」から「Answer from checklist」を選ぶと、回答があなただけに表示されます。「お客様向け文面」から、日本語・英語・両方の返信文をコピーできます。チャンネルの他のメンバーには表示されません。',
    homeSwitchLanguage: 'Show in English',
    itemCount: (count) => `全${count}項目`,
    feedbackReason: { wrong_item: '項目が違う', should_be_covered: '記載があるはず', outdated: '回答が古い', other: 'その他…' },
    feedbackReasonThanks: 'ありがとうございます。いただいた内容はセキュリティ担当が確認します。',
    feedbackModalTitle: '問題点を教えてください',
    feedbackModalSubmit: '送信',
    feedbackModalClose: 'キャンセル',
    feedbackModalQuestion: '質問：',
    feedbackModalLabel: '詳しい内容（任意）',
  },
};

/** Said before anything about the asker is known (a refused workspace or channel): both languages at once. */
export const NOT_ALLOWED_TEXT =
  'This bot is not enabled here. Ask your Slack admin or the security team where to use it.\nこのボットはここでは利用できません。利用できる場所は Slack 管理者またはセキュリティ担当にお問い合わせください。';
