import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEval } from '../../src/cli/eval.js';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeOpenAiServer, json } from '../fakes/openai-server.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { commandBody, eventEnvelope, mentionEvent, signedPost } from '../fakes/slack-requests.js';
import { askInProcess } from '../support/cli.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

const QUESTIONS = resolve(import.meta.dirname, '..', 'fixtures', 'questions.tsv');
const API_KEY = 'sk-proj-abcdefghijklmnop0123456789';
let model: FakeOpenAiServer;

beforeAll(async () => (model = await new FakeOpenAiServer().start()));
afterAll(async () => model.stop());
beforeEach(() => {
  model.requests.length = 0;
});

/** `npm run ask` in this process (test/support/cli.ts), with only the given environment, as a fresh shell would have. */
const ask = (args: string[], env: Record<string, string>) => askInProcess(args, { env });

/** `npm run eval` in this process, through runEval's io. */
async function evaluate(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEval({ argv: args, env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, ...env }, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('npm run ask with a model', () => {
  it('shows the verbatim answer and warns when the model invents a value', async () => {
    model.script = () => json({ items: [29], phrasing: 'Our RPO is 1 hour.' });
    const { stdout, stderr } = await ask(["what's our RPO?"], { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: model.baseURL });
    expect(model.requests).toHaveLength(1);
    expect(stdout).toContain('Answer (reviewed English translation): 24 hours');
    expect(stdout).not.toContain('1 hour');
    expect(stderr).toContain("the model's phrasing was dropped (it stated 1");
  });

  it('shows the labelled phrasing when it passes the guard', async () => {
    model.script = () => json({ items: [42], phrasing: 'Communication with the system is encrypted with TLS 1.2.' });
    const { stdout } = await ask(['--json', 'which TLS version?'], { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: model.baseURL });
    expect(JSON.parse(stdout)).toMatchObject({ status: 'answered', matches: expect.arrayContaining([{ no: 42, score: expect.any(Number) }]), model: { name: 'gpt-4.1-mini', used: true, phrasing: 'Communication with the system is encrypted with TLS 1.2.' } });
  });

  it('answers from search, with a warning, when the model hangs past LLM_TIMEOUT_MS', async () => {
    model.script = () => ({ kind: 'hang' });
    const { stdout, stderr } = await ask(["what's our RPO?"], { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: model.baseURL, LLM_TIMEOUT_MS: '300' });
    expect(stdout).toContain('No.29 Backup timing (RPO)');
    expect(stderr).toContain("the model's output was not used (timeout)");
  });

  it('calls nothing without OPENAI_API_KEY, even with a base URL set', async () => {
    const { stdout } = await ask(['--json', "what's our RPO?"], { OPENAI_BASE_URL: model.baseURL });
    expect(JSON.parse(stdout).model).toBeUndefined();
    expect(model.requests).toHaveLength(0);
  });

  it('refuses a malformed model setting with one line and exit 2', async () => {
    const result = await ask(['rpo'], { OPENAI_API_KEY: API_KEY, LLM_TIMEOUT_MS: 'fast' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('ask: LLM_TIMEOUT_MS must be a number of milliseconds, e.g. 8000');
  });

  it('npm run eval -- --llm scores a set with the model and reports what it did', async () => {
    model.script = (request) => json({ items: request.user.candidates.slice(0, 1).map((c) => c.no), phrasing: '' });
    // Every tenth question of our own set: all kinds and languages, a tenth of the model round trips.
    const [header, ...rows] = readFileSync(QUESTIONS, 'utf8').trim().split('\n');
    const sample = join(mkdtempSync(join(tmpdir(), 'eval-')), 'questions.tsv');
    writeFileSync(sample, [header, ...rows.filter((_, i) => i % 10 === 0)].join('\n') + '\n');
    const { code, stdout } = await evaluate(['--llm', '--set', sample], { OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: model.baseURL, OPENAI_MODEL: 'fake-model' });
    expect(code).toBe(0);
    expect(stdout).toContain(`with the model layer: fake-model at ${model.baseURL}`);
    expect(stdout).toMatch(/questions\.tsv\s+all\s+\d+\s+\d+\.\d%/);
    const asked = Number(/model asked (\d+)×, used \d+×, fell back 0×/.exec(stdout)?.[1]);
    expect(asked).toBeGreaterThan(10);
    expect(model.requests).toHaveLength(asked);
  });

  it('npm run eval -- --llm refuses clearly when no model is configured', async () => {
    const result = await evaluate(['--llm'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--llm needs a model, and none is configured: set OPENAI_API_KEY');
  });
});

describe('the Slack path with a model', () => {
  const SECRET = '0123456789abcdef0123456789abcdef';
  let slack: FakeSlackApi;
  let bot: RunningBot;
  const logs = capturedLogger();
  let url = '';

  beforeAll(async () => {
    slack = await new FakeSlackApi().start();
    bot = await startBot(
      { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SLACK_BOT_TOKEN: 'xoxb-1-2-llm', SLACK_SIGNING_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: slack.apiUrl, OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: model.baseURL, OPENAI_MODEL: 'fake-model', LLM_TIMEOUT_MS: '1000' },
      logs.logger,
    );
    url = `http://127.0.0.1:${bot.port}/slack/events`;
  });
  afterAll(async () => {
    await bot.stop();
    await slack.stop();
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  it('posts the guarded phrasing, labelled, with the verbatim answer', async () => {
    model.script = () => json({ items: [30], phrasing: 'Backups are kept for 72 hours.' });
    await signedPost(url, eventEnvelope(mentionEvent('how long do we keep backups?')).body, { secret: SECRET, contentType: 'application/json' });
    const [post] = await slack.waitFor('chat.postMessage');
    const blocks = JSON.stringify(post!.body.blocks);
    expect(blocks).toContain("Summary by AI (fake-model); the sheet's answer below is what counts");
    expect(blocks).toContain('Backups are kept for 72 hours.');
    expect(blocks).toContain('>72時間');
    const record = logs.records().findLast((r) => r.event === 'answer');
    expect(record).toMatchObject({ cited: [30], model: { name: 'fake-model', used: true, usage: { total: 836 } } });
    expect(logs.lines.join('\n')).not.toContain(API_KEY);
  });

  it('posts the search answer instead of waiting in silence when the model is slow', async () => {
    model.script = () => ({ kind: 'hang' }); // the model never answers
    const event = mentionEvent("what's our RPO?");
    await signedPost(url, eventEnvelope(event).body, { secret: SECRET, contentType: 'application/json' });
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ thread_ts: event.ts, text: 'No.29 Backup timing (RPO): 24 hours' });
    expect(model.requests).toHaveLength(1);
    const record = logs.records().findLast((r) => r.event === 'answer');
    expect(record).toMatchObject({ cited: [29], model: { used: false, fallback: expect.stringMatching(/^(slow|timeout)$/) } });
  });

  it('acknowledges /checklist at once and sends the answer through response_url', async () => {
    model.script = () => ({ kind: 'slow', ms: 300, content: JSON.stringify({ items: [42], phrasing: '' }) });
    const ack = await signedPost(url, commandBody('which TLS version?', slack.responseUrl('llm')), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
    expect(ack.status).toBe(200);
    // The acknowledgement did not wait for the model: when it arrived, the answer had not been sent yet.
    expect(slack.callsTo('response_url')).toHaveLength(0);
    const [reply] = await slack.waitFor('response_url');
    expect(reply!.body).toMatchObject({ response_type: 'ephemeral', text: 'No.42 Encryption level of communications: Yes. TLS 1.2' });
  });
});
