/**
 * Who the bot answers. Both lists are optional; unset means everyone.
 * - ALLOWED_TEAM_IDS applies to everything, DMs included.
 * - ALLOWED_CHANNEL_IDS applies to channels; DMs (IDs starting with D) are governed by the team list only, so people
 *   in an allowed workspace can always ask the bot privately.
 * Someone refused is told once (per workspace, channel and person), privately, so the bot is neither silent nor noisy.
 */
export class AccessPolicy {
  private readonly teams?: Set<string>;
  private readonly channels?: Set<string>;
  private readonly told = new Set<string>();

  constructor(options: { teams?: string[] | undefined; channels?: string[] | undefined } = {}) {
    if (options.teams?.length) this.teams = new Set(options.teams);
    if (options.channels?.length) this.channels = new Set(options.channels);
  }

  get restricted(): boolean {
    return this.teams !== undefined || this.channels !== undefined;
  }

  allows(team: string | undefined, channel: string | undefined): boolean {
    if (this.teams && (!team || !this.teams.has(team))) return false;
    if (this.channels && channel && !channel.startsWith('D') && !this.channels.has(channel)) return false;
    return true;
  }

  /** True the first time this person is refused here; later refusals stay silent. */
  shouldTell(team: string | undefined, channel: string | undefined, user: string | undefined): boolean {
    const key = `${team}:${channel}:${user}`;
    if (this.told.has(key)) return false;
    if (this.told.size > 50_000) this.told.clear();
    this.told.add(key);
    return true;
  }
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

  constructor(private readonly now: () => number = Date.now) {}

  mark(channel: string | undefined): void {
    if (channel) this.ids.add(channel);
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
    if (this.ids.has(channel)) return true;
    const checkedAt = this.notSharedAt.get(channel);
    if (checkedAt !== undefined && this.now() - checkedAt < NOT_SHARED_TTL_MS) return false;
    try {
      const { channel: info } = await client.conversations.info({ channel });
      if (info?.is_ext_shared || info?.is_pending_ext_shared) {
        this.mark(channel);
        return true;
      }
      if (this.notSharedAt.size > 10_000) this.notSharedAt.clear();
      this.notSharedAt.set(channel, this.now());
      return false;
    } catch {
      return 'unknown';
    }
  }
}
