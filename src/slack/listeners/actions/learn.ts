import type { Block, SlackMessage } from '../../../render/blocks.js';
import { escapeSlack } from '../../../render/slack-text.js';
import type { Knowledge } from '../../../knowledge/load.js';
import type { Proposal } from '../../../store/records.js';
import type { SlackDeps } from '../../deps.js';
import { deliver } from '../../reply.js';
import type { ButtonArgs } from './button.js';

/** Action IDs of the review buttons; the value is the proposal's ID. */
export const LEARN_ACTION = { approve: 'checklist_learn_approve', reject: 'checklist_learn_reject' } as const;

export const MAINTAINERS_ONLY_TEXT = 'Only the bot’s maintainers (MAINTAINER_USER_IDS) can do this.';
const NOTHING_PENDING_TEXT = 'No learned examples are waiting for review.';

/** How many proposals one review message lists (two blocks each; Slack allows 50 blocks). */
export const REVIEW_PAGE = 15;

/** The review list: each proposed "question → item" with Approve and Reject. */
export function renderReview(proposals: Proposal[], knowledge: Knowledge): SlackMessage {
  if (proposals.length === 0) return { text: NOTHING_PENDING_TEXT, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: NOTHING_PENDING_TEXT } }] };
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*Learned examples waiting for review* (${proposals.length}). Approving adds the question as a phrasing of the item for search; the answer stays the sheet’s.` } },
  ];
  for (const proposal of proposals) {
    const item = knowledge.byNo.get(proposal.item);
    const how = proposal.source === 'pick' ? 'picked' : '👍';
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `“${escapeSlack(proposal.question)}” → *No.${proposal.item}* ${escapeSlack(item?.name ?? '(not on the current sheet)')}\n_${how}${proposal.proposedBy ? ` by <@${proposal.proposedBy}>` : ''}_` },
    });
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', action_id: `${LEARN_ACTION.approve}:${proposal.id}`, text: { type: 'plain_text', text: 'Approve' }, style: 'primary', value: proposal.id },
        { type: 'button', action_id: `${LEARN_ACTION.reject}:${proposal.id}`, text: { type: 'plain_text', text: 'Reject' }, style: 'danger', value: proposal.id },
      ],
    });
  }
  return { text: `${proposals.length} learned example(s) waiting for review`, blocks };
}

const decide =
  (status: 'approved' | 'rejected') =>
  async ({ ack, action, body, respond }: ButtonArgs, deps: SlackDeps): Promise<void> => {
    await ack();
    const tools = deps.maintainers;
    const user = body.user.id;
    const reply = (text: string) => deliver(deps, { source: 'command', team: body.team?.id, channel: body.channel?.id, user }, () => respond({ response_type: 'ephemeral', replace_original: false, text }));
    if (!tools?.isMaintainer(user)) {
      deps.logger.warn({ event: 'refused_review', user }, 'a review button was clicked by someone who is not a maintainer');
      await reply(MAINTAINERS_ONLY_TEXT);
      return;
    }
    const id = action.value ?? '';
    const proposal = await tools.proposal(id);
    const changed = proposal ? await tools.decide(id, status, user) : false;
    if (!proposal || !changed) {
      await reply(proposal ? `That example was already ${proposal.status}.` : 'That example no longer exists.');
      return;
    }
    await reply(
      status === 'approved'
        ? `Approved: “${escapeSlack(proposal.question)}” now finds No.${proposal.item}.`
        : `Rejected: “${escapeSlack(proposal.question)}” → No.${proposal.item} will not be proposed again.`,
    );
  };

export const approve = decide('approved');
export const reject = decide('rejected');
