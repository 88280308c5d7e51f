import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../support/bot.js';
import { type RunningBot } from '../../src/main.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { mentionEvent, messageShortcutBody } from '../fakes/slack-requests.js';
import { FakeSocketModeServer } from '../fakes/socket-mode-server.js';
import { FIXTURE_KNOWLEDGE } from '../support/knowledge.js';

let fake: FakeSlackApi;
let socket: FakeSocketModeServer;
let bot: RunningBot;
const logs = capturedLogger('info');

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  socket = await new FakeSocketModeServer().start();
  fake.socketUrl = socket.url;
  bot = await startBot({ KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, SLACK_BOT_TOKEN: 'xoxb-1-2-socketmode', SLACK_APP_TOKEN: 'xapp-1-A0001-123-abcdef', SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'info' }, logs.logger);
  await socket.connection();
});
afterAll(async () => {
  await bot?.stop();
  await socket?.stop();
  await fake?.stop();
});

describe('the bot in Socket Mode', () => {
  it('opened the connection with the app token through apps.connections.open', () => {
    const [open] = fake.callsTo('apps.connections.open');
    expect(open?.headers.authorization).toBe('Bearer xapp-1-A0001-123-abcdef');
    expect(bot.config.mode).toBe('socket');
  });

  it('acknowledges an events_api envelope and answers the mention in its thread', async () => {
    const event = mentionEvent("what's our RPO?");
    socket.send({
      envelope_id: 'env-1',
      type: 'events_api',
      accepts_response_payload: false,
      payload: { token: 'legacy', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'EvSOCKET1', event_time: 1, event },
    });
    expect(await socket.waitForAck('env-1')).toMatchObject({ envelope_id: 'env-1' });
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C0CHAN', thread_ts: event.ts, text: 'No.29 Backup timing (RPO): 24 hours' });
  });

  it('answers a slash_commands envelope in its acknowledgement', async () => {
    socket.send({
      envelope_id: 'env-2',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: { team_id: 'T0001', channel_id: 'C0CHAN', user_id: 'U0USER', command: '/checklist', text: '４２', response_url: fake.responseUrl('sock'), trigger_id: 't' },
    });
    const ack = await socket.waitForAck('env-2');
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral', text: 'No.42 Encryption level of communications: Yes. TLS 1.2' });
  });

  it('answers a message shortcut (interactive envelope) privately through its response_url', async () => {
    const payload = JSON.parse(new URLSearchParams(messageShortcutBody({ text: 'how long are backups kept?' }, { responseUrl: fake.responseUrl('sock-shortcut'), extShared: true })).get('payload')!);
    socket.send({ envelope_id: 'env-sc', type: 'interactive', accepts_response_payload: false, payload });
    await socket.waitForAck('env-sc');
    const [reply] = await fake.waitFor('response_url');
    expect(reply!.body).toMatchObject({ response_type: 'ephemeral', text: 'No.30 Backup retention period: 72 hours' });
    expect(fake.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0CHAN' && String(call.body.text).includes('72 hours'))).toEqual([]);
  });

  it('ignores a duplicate delivery of the same event (Socket Mode duplicates happen too)', async () => {
    // Another channel than C0CHAN: the shortcut above showed C0CHAN is shared, where answers are private.
    const event = mentionEvent('backup generations', { channel: 'C0PLAIN' });
    const payload = { token: 'legacy', team_id: 'T0001', api_app_id: 'A0001', type: 'event_callback', event_id: 'EvSOCKETDUP', event_time: 1, event };
    const before = fake.callsTo('chat.postMessage').length;
    socket.send({ envelope_id: 'env-3', type: 'events_api', accepts_response_payload: false, payload });
    socket.send({ envelope_id: 'env-4', type: 'events_api', accepts_response_payload: false, payload });
    await socket.waitForAck('env-3');
    await socket.waitForAck('env-4');
    await fake.waitFor('chat.postMessage', before + 1);
    expect(await bot.idle()).toBe(true); // every request's work is over: nothing more can be sent
    expect(fake.callsTo('chat.postMessage')).toHaveLength(before + 1);
  });
});
