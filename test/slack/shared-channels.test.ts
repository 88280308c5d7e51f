import { describe, expect, it } from 'vitest';
import { NOT_SHARED_TTL_MS, SharedChannels, type ChannelInfoClient } from '../../src/slack/access.js';

/** Stands in for Slack's conversations.info (across the network in production), counting the calls. */
function slack(shared: Record<string, boolean | Error>): ChannelInfoClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    conversations: {
      info: async ({ channel }) => {
        asked.push(channel);
        const answer = shared[channel];
        if (answer instanceof Error) throw answer;
        return { channel: { is_ext_shared: answer === true } };
      },
    },
  };
}

describe('SharedChannels.isShared', () => {
  it('asks Slack once for a shared channel and remembers it', async () => {
    const channels = new SharedChannels();
    const client = slack({ C1: true });
    expect(await channels.isShared('C1', client)).toBe(true);
    expect(await channels.isShared('C1', client)).toBe(true);
    expect(channels.has('C1')).toBe(true);
    expect(client.asked).toEqual(['C1']);
  });

  it('trusts "not shared" for a while, then asks again (a channel can be shared later)', async () => {
    let now = 0;
    const channels = new SharedChannels(() => now);
    const answers: Record<string, boolean> = { C2: false };
    const client = slack(answers);
    expect(await channels.isShared('C2', client)).toBe(false);
    now = NOT_SHARED_TTL_MS - 1;
    expect(await channels.isShared('C2', client)).toBe(false);
    expect(client.asked).toHaveLength(1);
    answers.C2 = true;
    now = NOT_SHARED_TTL_MS;
    expect(await channels.isShared('C2', client)).toBe(true);
    expect(client.asked).toHaveLength(2);
  });

  it('says unknown when Slack cannot answer, and asks again next time', async () => {
    const channels = new SharedChannels();
    const client = slack({ C3: new Error('missing_scope') });
    expect(await channels.isShared('C3', client)).toBe('unknown');
    expect(await channels.isShared('C3', client)).toBe('unknown');
    expect(client.asked).toEqual(['C3', 'C3']);
  });

  it('knows a channel marked from an event without asking', async () => {
    const channels = new SharedChannels();
    const client = slack({});
    channels.mark('C4');
    expect(await channels.isShared('C4', client)).toBe(true);
    expect(client.asked).toEqual([]);
  });
});
