import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';
import { capturedLogger } from './log-capture.js';
import { FakeSlackApi } from './slack-api.js';
import { buttonClickBody, commandBody, eventEnvelope, signedPost } from './slack-requests.js';

export const TEST_SIGNING_SECRET = 'abcdef0123456789abcdef0123456789';

/** The bot in HTTP mode on 127.0.0.1, serving the frozen fixture sheet, against a fake Slack Web API, with Slack's requests signed as Slack signs them. */
export interface HttpBot {
  fake: FakeSlackApi;
  bot: RunningBot;
  logs: ReturnType<typeof capturedLogger>;
  eventsUrl: string;
  /** Posts an event in an `event_callback` envelope; `envelope` overrides envelope fields (team_id, is_ext_shared_channel…). */
  postEvent: (event: Record<string, unknown>, envelope?: Record<string, unknown>) => ReturnType<typeof signedPost>;
  postCommand: (text: string, extra?: Record<string, string>) => ReturnType<typeof signedPost>;
  click: (action: { action_id: string; value: string }, options?: { ephemeral?: boolean; message?: Record<string, unknown>; channel?: string }) => ReturnType<typeof signedPost>;
  stop: () => Promise<void>;
}

/** `env` adds to or overrides the bot's environment; requests are signed with its SLACK_SIGNING_SECRET when it sets one. */
export async function startHttpBot(env: Record<string, string> = {}): Promise<HttpBot> {
  const fake = await new FakeSlackApi().start();
  const logs = capturedLogger();
  const secret = env.SLACK_SIGNING_SECRET ?? TEST_SIGNING_SECRET;
  const bot = await startBot({ SLACK_BOT_TOKEN: 'xoxb-1-2-harness', PORT: '0', HOST: '127.0.0.1', SLACK_API_URL: fake.apiUrl, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, ...env, SLACK_SIGNING_SECRET: secret }, logs.logger);
  const eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;
  const signed = (body: string, contentType: 'application/json' | 'application/x-www-form-urlencoded') => signedPost(eventsUrl, body, { secret, contentType });
  return {
    fake,
    bot,
    logs,
    eventsUrl,
    postEvent: (event, envelope = {}) => signed(JSON.stringify({ ...JSON.parse(eventEnvelope(event).body), ...envelope }), 'application/json'),
    postCommand: (text, extra = {}) => signed(commandBody(text, fake.responseUrl('cmd'), extra), 'application/x-www-form-urlencoded'),
    click: (action, options = {}) => signed(buttonClickBody(action, { responseUrl: fake.responseUrl('act'), ...options }), 'application/x-www-form-urlencoded'),
    stop: async () => {
      await bot.stop(200);
      await fake.stop();
    },
  };
}

/** One bot for a test file: started before its tests, stopped after, with the fake's records emptied before each test. */
export function httpBotPerFile(env: Record<string, string> = {}): () => HttpBot {
  let h: HttpBot | undefined;
  beforeAll(async () => {
    h = await startHttpBot(env);
  });
  afterAll(async () => h?.stop());
  beforeEach(() => {
    h!.fake.calls.length = 0;
    h!.fake.rejected.length = 0;
  });
  return () => h!;
}

/** Text as Slack delivers it in events and commands: `&`, `<` and `>` escaped. */
export const asSlackSends = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The buttons of a posted message (blocks parsed by the fake). */
export function buttonsOf(message: Record<string, unknown>): Array<{ action_id: string; value: string }> {
  return ((message.blocks as Array<{ type: string; elements?: Array<{ type: string; action_id: string; value: string }> }>) ?? [])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .filter((element) => element.type === 'button');
}
