import { describe, expect, it } from 'vitest';
import { httpBotPerFile } from '../fakes/http-bot.js';
import { directMessageEvent, mentionEvent } from '../fakes/slack-requests.js';

/** One message delivered as several events (different event IDs) is answered once. */
const h = httpBotPerFile();

describe('deduplication across event types', () => {
  it('a DM that mentions the bot, delivered as message.im and app_mention, gets one answer', async () => {
    const dm = directMessageEvent('<@UBOT> rpo?');
    const mention = mentionEvent('rpo?', { channel: dm.channel, ts: dm.ts, event_ts: dm.ts, channel_type: 'im' });
    await Promise.all([h().postEvent(dm), h().postEvent(mention)]);
    await h().fake.waitFor('chat.postMessage');
    expect(await h().bot.idle()).toBe(true);
    expect(h().fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a channel message seen first as message.channels does not hide its app_mention', async () => {
    const mention = mentionEvent('rpo?', { channel: 'C0CHAN' });
    await h().postEvent({ ...mention, type: 'message', channel_type: 'channel' });
    await h().postEvent(mention);
    await h().fake.waitFor('chat.postMessage');
    expect(await h().bot.idle()).toBe(true);
    expect(h().fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('two different DMs are both answered', async () => {
    await h().postEvent(directMessageEvent('rpo?'));
    await h().postEvent(directMessageEvent('rto?'));
    await h().fake.waitFor('chat.postMessage', 2);
  });
});
