import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { webApi } from '@slack/bolt';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/answer/knowledge-base.js';
import { type RunningBot } from '../../src/main.js';
import { FILLED_TEXT } from '../../src/questionnaire/cells.js';
import { QUESTIONNAIRE_TEXT } from '../../src/questionnaire/messages.js';
import { AccessPolicy, SharedChannels } from '../../src/slack/access.js';
import { EventDeduper } from '../../src/slack/dedupe.js';
import { InFlight } from '../../src/slack/in-flight.js';
import { fillFilesFromMessage, MAX_CONCURRENT_FILLS, PROGRESS_INTERVAL_MS } from '../../src/slack/listeners/messages/file-share.js';
import { PASTED_FILE_NAME } from '../../src/slack/listeners/messages/pasted-list.js';
import { buildFixtures } from '../fixtures/questionnaires/build.js';
import { httpBotPerFile, type HttpBot } from '../fakes/http-bot.js';
import { capturedLogger } from '../fakes/log-capture.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';
import { directMessageEvent, eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const SECRET = '8f742231b10e8888abcd99eeeeee85a5';
const BOT_TOKEN = 'xoxb-1234567890-0987654321-QuEsTiOnNaIrE0000000000';

const harness = httpBotPerFile({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET });
let fake: FakeSlackApi;
let bot: RunningBot;
let eventsUrl: string;
let logs: HttpBot['logs'];
let fixtures: Awaited<ReturnType<typeof buildFixtures>>;

const file = (name: string): string => fixtures.labelled.find((f) => basename(f.file) === name)?.file ?? Object.values(fixtures.refused).find((p) => basename(p) === name)!;
const host = (name: string, options: { loginPage?: boolean } = {}) => fake.hostFile(name, readFileSync(file(name)), options);

/** Posts an event as Slack does (signed envelope); `envelope` adds fields such as is_ext_shared_channel. */
async function postEvent(event: Record<string, unknown>, options: { eventId?: string; envelope?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
  const { body } = eventEnvelope(event, options.eventId);
  const full = JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), ...options.envelope });
  const response = await signedPost(eventsUrl, full, { secret: SECRET, contentType: 'application/json', ...(options.headers ? { headers: options.headers } : {}) });
  expect(response.status).toBe(200);
}

const fileShare = (files: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) => directMessageEvent('', { subtype: 'file_share', files, ...extra });

async function settle(): Promise<void> {
  expect(await bot.idle(15_000)).toBe(true);
}

beforeAll(async () => {
  ({ fake, bot, eventsUrl, logs } = harness());
  fixtures = await buildFixtures(mkdtempSync(join(tmpdir(), 'questionnaire-slack-')));
});
beforeEach(() => {
  fake.uploads.clear();
  fake.downloads.length = 0;
});

describe('questionnaire files over Slack (HTTP mode, fake Web API)', () => {
  it('a file in a DM: acknowledged, downloaded with the bot token, summary in the thread, filled file uploaded there', async () => {
    const event = fileShare([host('caiq.xlsx')]);
    await postEvent(event);
    await settle();
    const posts = fake.callsTo('chat.postMessage');
    expect(posts.map((call) => call.body.thread_ts)).toEqual([event.ts, event.ts]);
    expect(posts[0]!.body.text).toBe(QUESTIONNAIRE_TEXT.ack('caiq.xlsx'));
    expect(posts[1]!.body.text).toMatch(/^\*caiq\.filled\.xlsx\*: 25 question rows — \d+ answered, \d+ to check .*, \d+ not covered.*\.\nRows that need a person:\n• Questionnaire row \d+ \(/);
    expect(posts[1]!.body.text).toContain('• Questionnaire row 24 (not covered): Do you have a Data Protection Officer?');
    expect(fake.downloads).toEqual([{ path: expect.stringContaining('/download/caiq.xlsx'), authorization: `Bearer ${BOT_TOKEN}` }]);

    // The upload sequence, in order: URL, bytes to that URL, then completion sharing it in the thread.
    const sequence = fake.calls.map((call) => call.method).filter((m) => /^files\.|upload_url/.test(m));
    expect(sequence).toEqual(['files.getUploadURLExternal', 'upload_url', 'files.completeUploadExternal']);
    const [upload] = fake.completedUploads();
    expect(upload).toMatchObject({ filename: 'caiq.filled.xlsx', completed: { channel_id: 'D0DM', thread_ts: event.ts } });
    expect(posts[1]!.at).toBeLessThanOrEqual(fake.callsTo('files.completeUploadExternal')[0]!.at);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(upload!.bytes!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Cover', 'Questionnaire', FILLED_TEXT.summarySheet]);
    expect(wb.getWorksheet('Questionnaire')!.getCell('F8').value).toBe(29);
  });

  it('a channel message that mentions the bot with a file is filled once, though it arrives as file_share and as app_mention', async () => {
    const files = [host('questions.csv')];
    const mention = mentionEvent('please fill this', { files });
    await postEvent({ ...mention, type: 'message', subtype: 'file_share', channel_type: 'channel' });
    await postEvent(mention);
    await settle();
    expect(fake.callsTo('chat.postMessage').map((c) => [c.body.channel, c.body.thread_ts])).toEqual([
      ['C0CHAN', mention.ts],
      ['C0CHAN', mention.ts],
    ]);
    expect(fake.completedUploads()).toEqual([expect.objectContaining({ filename: 'questions.filled.csv', completed: expect.objectContaining({ channel_id: 'C0CHAN', thread_ts: mention.ts }) })]);
    expect(fake.downloads).toHaveLength(1);
  });

  it('a file in a channel without a mention is not for the bot: nothing is downloaded or posted', async () => {
    const event = directMessageEvent('here is the file for the team', { subtype: 'file_share', channel_type: 'channel', channel: 'C0CHAN', files: [host('questions.csv')] });
    await postEvent(event);
    await settle();
    expect(fake.downloads).toEqual([]);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('a retried file event (same event ID, x-slack-retry-num) is processed once', async () => {
    const event = fileShare([host('questions.csv')]);
    await postEvent(event, { eventId: 'EvRETRY1' });
    await postEvent(event, { eventId: 'EvRETRY1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await settle();
    expect(fake.completedUploads()).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('a refused file gets one clear reply and no upload', async () => {
    await postEvent(fileShare([host('protected.xlsx')]));
    await settle();
    const texts = fake.callsTo('chat.postMessage').map((c) => String(c.body.text));
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/^I could not fill \*protected\.xlsx\*: The workbook is password-protected/);
    expect(fake.uploads.size).toBe(0);
  });

  it('a file over 10 MB is refused from its declared size, without downloading it', async () => {
    const big = { ...host('questions.csv'), size: 11 * 1024 * 1024 };
    await postEvent(fileShare([big]));
    await settle();
    expect(fake.downloads).toEqual([]);
    expect(String(fake.callsTo('chat.postMessage')[1]!.body.text)).toMatch(/^I did not download \*questions\.csv\*: The file is 11 MB/);
  });

  it('Slack’s sign-in page instead of the file (missing files:read) gets a clear message, not a parse error', async () => {
    await postEvent(fileShare([host('caiq.xlsx', { loginPage: true })]));
    await settle();
    expect(fake.callsTo('chat.postMessage')[1]!.body.text).toBe(QUESTIONNAIRE_TEXT.loginPage('caiq.xlsx'));
    expect(fake.uploads.size).toBe(0);
  });

  it('a failure midway (the upload is refused) still gets a reply saying why', async () => {
    fake.fail('files.completeUploadExternal', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await postEvent(fileShare([host('questions.csv')]));
    await settle();
    const texts = fake.callsTo('chat.postMessage').map((c) => String(c.body.text));
    expect(texts.at(-1)).toBe(QUESTIONNAIRE_TEXT.uploadFailed('questions.filled.csv', 'not_in_channel'));
  });

  it('in a Slack Connect channel nothing is posted visibly: replies are ephemeral and the file goes to the uploader’s DM', async () => {
    const mention = mentionEvent('fill please', { files: [host('questions.csv')], channel: 'C0SHARED' });
    await postEvent(mention, { envelope: { is_ext_shared_channel: true } });
    await settle();
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    const ephemeral = fake.callsTo('chat.postEphemeral');
    expect(ephemeral.map((c) => [c.body.channel, c.body.user, c.body.thread_ts])).toEqual([
      ['C0SHARED', 'U0USER', mention.ts],
      ['C0SHARED', 'U0USER', mention.ts],
    ]);
    expect(String(ephemeral[0]!.body.text)).toContain(QUESTIONNAIRE_TEXT.sharedChannel);
    expect(fake.callsTo('conversations.open')[0]!.body.users).toBe('U0USER');
    const [upload] = fake.completedUploads();
    expect(upload!.completed).toMatchObject({ channel_id: 'D0USER' });
    expect(upload!.completed!.thread_ts).toBeUndefined();
  });

  it('three or more pasted questions in a DM get a compact No./answer table and the same answers as a file', async () => {
    const event = directMessageEvent("1. What's our RPO?\n2. How long are backups kept?\n3. Do you support SAML SSO?\n4. 通信は暗号化されていますか？");
    await postEvent(event);
    await settle();
    const [table, ...rest] = fake.callsTo('chat.postMessage');
    expect(rest).toEqual([]); // the single-question answer is not posted as well
    expect(String(table!.body.text)).toBe(
      [
        QUESTIONNAIRE_TEXT.pastedIntro(4),
        "1. What's our RPO?\n      → No.29 24 hours",
        '2. How long are backups kept?\n      → No.30 72 hours',
        '3. Do you support SAML SSO?\n      → not covered',
        '4. 通信は暗号化されていますか？\n      → No.42 有。TLS 1.2',
      ].join('\n'),
    );
    expect(fake.completedUploads()).toEqual([expect.objectContaining({ filename: PASTED_FILE_NAME, completed: expect.objectContaining({ channel_id: 'D0DM' }) })]);
  });

  it('fills at most MAX_CONCURRENT_FILLS files at once; the others wait their turn and are all answered', async () => {
    fake.downloadEvents.length = 0;
    const files = [0, 1, 2].map((i) => fake.hostFile(`slow-${i}.csv`, readFileSync(file('questions.csv')), { delayMs: 200 }));
    await Promise.all(files.map((f) => postEvent(fileShare([f]))));
    await settle();
    let open = 0;
    let most = 0;
    for (const e of fake.downloadEvents) most = Math.max(most, (open += e.event === 'start' ? 1 : -1));
    expect(most).toBe(MAX_CONCURRENT_FILLS);
    expect(fake.completedUploads()).toHaveLength(3);
  });

  it('two lines in a DM are still one ordinary question', async () => {
    await postEvent(directMessageEvent("What's our RPO?\nthanks"));
    await settle();
    expect(fake.uploads.size).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('progress for long files', () => {
  it('updates the acknowledgement while a long questionnaire is filled (injected clock)', async () => {
    const rows = ['No,Question', ...Array.from({ length: 240 }, (_, i) => `${i + 1},How long are backups kept in region ${i + 1}?`)].join('\n');
    const hosted = fake.hostFile('long.csv', new TextEncoder().encode(rows));
    let now = 0;
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const deps = {
      base: new KnowledgeBase(fixtureKnowledge()),
      logger: capturedLogger().logger,
      dedupe: new EventDeduper(),
      access: new AccessPolicy(),
      shared: new SharedChannels(),
      inFlight: new InFlight(),
      clock: () => (now += PROGRESS_INTERVAL_MS / 2), // every reading is a second later
    };
    await fillFilesFromMessage(deps, client, BOT_TOKEN, { channel: 'D0DM', user: 'U0USER', ts: '1700000000.000001', files: [hosted as never], inDm: true, extShared: false });
    const updates = fake.callsTo('chat.update').map((c) => String(c.body.text));
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates[0]).toBe(QUESTIONNAIRE_TEXT.progress('long.csv', 100, 240)); // readings 1 s apart: the first at 50 rows is too soon
    expect(fake.completedUploads()).toHaveLength(1);
  });
});
