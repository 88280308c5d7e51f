import { describe, expect, it } from 'vitest';
import { Answerer } from '../../src/answer/decide.js';
import { renderAnswerBlocks } from '../../src/render/blocks.js';
import { webApiMessage } from '../../src/slack/reply.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const knowledge = fixtureKnowledge();
const message = renderAnswerBlocks(new Answerer(knowledge).answer("what's our RPO?"), knowledge, { lang: 'en', shareable: false });

describe('webApiMessage', () => {
  it('sends the blocks as the JSON WebClient would have encoded, with the text unchanged', () => {
    const fields = webApiMessage(message);
    expect(fields.text).toBe(message.text);
    expect(typeof fields.blocks).toBe('string');
    expect(JSON.parse(fields.blocks as unknown as string)).toEqual(message.blocks);
    expect(fields.blocks as unknown as string).toBe(JSON.stringify(message.blocks));
  });

  it('puts a notice before the answer without changing the cached encoding of the answer alone', () => {
    const notice = { type: 'context', elements: [{ type: 'mrkdwn', text: 'only you can see this' }] };
    const withNotice = JSON.parse(webApiMessage(message, [notice]).blocks as unknown as string) as unknown[];
    expect(withNotice).toEqual([notice, ...message.blocks]);
    expect(JSON.parse(webApiMessage(message).blocks as unknown as string)).toEqual(message.blocks);
  });
});
