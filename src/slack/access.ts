import type { Language } from '../answer/language.js';
import { STRINGS } from '../render/strings.js';

/**
 * Who the bot answers. One rule for every path (mentions, DMs, slash commands, buttons), judged on the asker's own
 * organisation, not on the workspace that delivered the request: in a Slack Connect channel or DM the envelope's
 * team is the bot's workspace while the asker belongs to another company.
 * - ALLOWED_TEAM_IDS: the asker's own team must be listed. Unset: the asker's team must be the bot's own workspace
 *   (auth.test; else the workspace the request came through), so people of other organisations are never answered
 *   and internal notes never reach them. Several workspaces of one organisation: list them in ALLOWED_TEAM_IDS.
 * - ALLOWED_CHANNEL_IDS applies to channels; DMs (IDs starting with D) are governed by the team rule only, so people
 *   in an allowed workspace can always ask the bot privately.
 * Someone refused is told once (per team, channel and person), privately, so the bot is neither silent nor noisy.
 */
export class AccessPolicy {
  private readonly teams?: Set<string>;
  private readonly channels?: Set<string>;
  private readonly told = new Set<string>();

  private readonly homeTeam?: string;

  /** `homeTeam`: the bot's own workspace (auth.test), the one team answered when ALLOWED_TEAM_IDS is unset. */
  constructor(options: { teams?: string[] | undefined; channels?: string[] | undefined; homeTeam?: string | undefined } = {}) {
    if (options.teams?.length) this.teams = new Set(options.teams);
    if (options.channels?.length) this.channels = new Set(options.channels);
    if (options.homeTeam) this.homeTeam = options.homeTeam;
  }

  allows(where: RequestOrigin): boolean {
    if (this.teams) {
      const team = where.userTeam ?? where.workspace;
      if (!team || !this.teams.has(team)) return false;
    } else {
      const home = this.homeTeam ?? where.workspace;
      if (where.userTeam && home && where.userTeam !== home) return false;
    }
    if (this.channels && where.channel && !where.channel.startsWith('D') && !this.channels.has(where.channel)) return false;
    return true;
  }

  /** True the first time this person is refused here; later refusals stay silent. */
  shouldTell(where: RequestOrigin): boolean {
    const key = `${where.userTeam ?? where.workspace}:${where.channel}:${where.user}`;
    if (this.told.has(key)) return false;
    if (this.told.size > 50_000) this.told.clear();
    this.told.add(key);
    return true;
  }
}

/** Where a request comes from: the workspace that delivered it, the asker's own team (Slack Connect), channel, user. */
export interface RequestOrigin {
  workspace?: string;
  userTeam?: string;
  channel?: string;
  user?: string;
}

/**
 * Origin of any request body: events (`team_id` envelope; `user_team` or `team` on the event is the asker's
 * organisation), slash commands (`team_id`) and interactivity payloads (`team.id`; `user.team_id` is the clicker's).
 */
export function originOf(body: unknown): RequestOrigin {
  // Three payload shapes: read them as loose records and keep only string values.
  const at = (...path: string[]): string | undefined => {
    const found = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), body);
    return typeof found === 'string' && found !== '' ? found : undefined;
  };
  const workspace = at('team_id') ?? at('team', 'id') ?? at('event', 'team');
  const userTeam = at('event', 'user_team') ?? at('event', 'team') ?? at('user', 'team_id');
  const channel = at('event', 'channel') ?? at('channel_id') ?? at('channel', 'id') ?? at('container', 'channel_id');
  const user = at('event', 'user') ?? at('user_id') ?? at('user', 'id');
  return { ...(workspace ? { workspace } : {}), ...(userTeam ? { userTeam } : {}), ...(channel ? { channel } : {}), ...(user ? { user } : {}) };
}

/** What the bot asks Slack about a channel: `conversations.info` (scopes channels:read, groups:read). */
export interface ChannelInfoClient {
  conversations: { info: (args: { channel: string }) => Promise<{ channel?: { is_ext_shared?: boolean; is_pending_ext_shared?: boolean } }> };
}

/** How long a "not shared" answer from Slack is trusted: a channel can be shared with another organisation later. */
export const NOT_SHARED_TTL_MS = 10 * 60_000;

/**
 * Channels shared with another organisation (Slack Connect). Slack marks events from them with
 * `is_ext_shared_channel`; the bot remembers the channel so slash commands and buttons there stay private too.
 * Slash commands and button clicks carry no such mark, so before posting anything visibly on a click ("Share in
 * channel") the bot asks Slack (`isShared`).
 */
export class SharedChannels {
  private readonly ids = new Set<string>();
  private readonly notSharedAt = new Map<string, number>();

  /**
   * `remote` remembers a newly seen shared channel for the other replicas (the store); `adopt` takes in what they
   * remembered.
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly remote?: { remember: (channel: string) => void },
  ) {}

  mark(channel: string | undefined): void {
    if (!channel || this.ids.has(channel)) return;
    this.ids.add(channel);
    this.remote?.remember(channel);
  }

  /** Channels other replicas found shared. */
  adopt(channels: Iterable<string>): void {
    for (const channel of channels) this.ids.add(channel);
  }

  /** Known to be shared (from an event, or an earlier lookup). */
  has(channel: string | undefined): boolean {
    return channel !== undefined && this.ids.has(channel);
  }

  /**
   * Whether the channel is shared with another organisation, asking Slack when not known; a pending invitation
   * counts as shared. `unknown` when Slack could not say (a missing scope, a private channel the bot is not in):
   * the caller must then not post visibly, since a guess could show internal answers to another company.
   */
  async isShared(channel: string, client: ChannelInfoClient): Promise<boolean | 'unknown'> {
    return (await this.check(channel, client)).shared;
  }

  /** `isShared` with Slack's error code when it could not say (`channel_not_found`, `missing_scope`…). */
  async check(channel: string, client: ChannelInfoClient): Promise<{ shared: boolean | 'unknown'; slackError?: string }> {
    if (this.ids.has(channel)) return { shared: true };
    const checkedAt = this.notSharedAt.get(channel);
    if (checkedAt !== undefined && this.now() - checkedAt < NOT_SHARED_TTL_MS) return { shared: false };
    try {
      const { channel: info } = await client.conversations.info({ channel });
      if (info?.is_ext_shared || info?.is_pending_ext_shared) {
        this.mark(channel);
        return { shared: true };
      }
      if (this.notSharedAt.size > 10_000) this.notSharedAt.clear();
      this.notSharedAt.set(channel, this.now());
      return { shared: false };
    } catch (error) {
      const e = error as { data?: { error?: unknown }; code?: unknown; message?: string };
      return { shared: 'unknown', slackError: String(e.data?.error ?? e.code ?? e.message ?? 'unknown') };
    }
  }
}

/** Slack's answers to conversations.info meaning the bot cannot see the channel: a private channel it is not in. */
export const NOT_A_MEMBER_ERRORS = new Set(['channel_not_found', 'not_in_channel']);

/**
 * Whether an answer may be posted visibly in a channel, the one rule for mentions and "Share in channel": only when
 * Slack says the channel is not shared with another organisation, pending invitations included. Otherwise the
 * answer stays private, with `notice` saying why in the asker's language (shared; or could not check, and how to
 * fix that: invite the bot to a private channel it is not in, or give it the scopes).
 */
export async function visibility(
  deps: { shared: SharedChannels; logger: { warn: (o: object, m: string) => void } },
  channel: string,
  client: ChannelInfoClient,
  lang: Language,
  user?: string,
): Promise<{ visible: true } | { visible: false; notice: string }> {
  if (channel.startsWith('D')) return { visible: true }; // a DM with the bot: only the asker sees it
  const { shared, slackError } = await deps.shared.check(channel, client);
  if (shared === false) return { visible: true };
  if (shared === true) return { visible: false, notice: STRINGS[lang].sharedChannel };
  deps.logger.warn({ event: 'shared_unknown', channel, user, slackError }, 'could not check whether the channel is shared with another organisation (conversations.info); kept the answer private');
  return { visible: false, notice: slackError && NOT_A_MEMBER_ERRORS.has(slackError) ? STRINGS[lang].sharedNotMember : STRINGS[lang].sharedUnknown };
}
