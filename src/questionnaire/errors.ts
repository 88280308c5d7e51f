/** Limits on what the bot reads: a questionnaire is tens to hundreds of rows, never a data dump. */
export const LIMITS = {
  /** Larger files are refused before anything is read. */
  maxBytes: 10 * 1024 * 1024,
  /** More question rows than this is not a questionnaire a person reviews; refused. */
  maxQuestionRows: 5000,
  /**
   * Sum of the uncompressed sizes of a workbook's parts: a small zip can expand to gigabytes (zip bomb). A
   * 5,000-row questionnaire unpacks to a few MB; the sheets are held as strings while filling, so this bounds memory.
   */
  maxUnpackedBytes: 50 * 1024 * 1024,
} as const;

export type RefusalReason = 'too_large' | 'old_xls' | 'encrypted' | 'corrupt' | 'unsupported_type' | 'too_many_rows' | 'no_question_column' | 'no_questions' | 'bad_override';

/**
 * A questionnaire the bot will not fill, with one line saying why and what to do. Nothing is written for it.
 * The CLI prints `message` and exits 2; Slack replies with it in the thread.
 */
export class RefusedInput extends Error {
  override name = 'RefusedInput';
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
  }
}

const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Every refusal's wording, in one place. */
export const REFUSAL = {
  tooLarge: (bytes: number) => new RefusedInput('too_large', `The file is ${MB(bytes)}; questionnaires over ${MB(LIMITS.maxBytes)} are not read. Split it or remove attachments and images.`),
  oldXls: () => new RefusedInput('old_xls', 'This is an old Excel 97–2003 workbook (.xls), which is not read: open it in Excel and save it as .xlsx, then send it again.'),
  encrypted: () => new RefusedInput('encrypted', 'The workbook is password-protected (encrypted), so it cannot be read: remove the password (File › Info › Protect Workbook) and send it again.'),
  corrupt: (detail: string) => new RefusedInput('corrupt', `The file cannot be read as a workbook (${detail}): open it in Excel, save it again as .xlsx, and send it again.`),
  unsupported: (name: string) => new RefusedInput('unsupported_type', `${name} is not a questionnaire format I read: send an .xlsx, .xlsm, .csv, .tsv or .txt file.`),
  tooManyRows: (rows: number) => new RefusedInput('too_many_rows', `The questionnaire has ${rows} question rows; at most ${LIMITS.maxQuestionRows} are filled at once. Split it into smaller files.`),
  noQuestionColumn: (where: string) =>
    new RefusedInput('no_question_column', `No question column found in ${where}: name it with --question-column (a letter or number, e.g. C) and --header-row (in Slack: say "question column C, header row 3" with the file).`),
  noQuestions: (where: string) => new RefusedInput('no_questions', `No questions found in ${where}: the question column is empty below the header row.`),
  noLines: () => new RefusedInput('no_questions', 'No questions found: write one question per line.'),
  badOverride: (detail: string) => new RefusedInput('bad_override', detail),
} as const;
