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

/**
 * Channels known to be shared with another organisation (Slack Connect). Slack marks events from them with
 * `is_ext_shared_channel`; the bot remembers the channel so slash commands and buttons there stay private too.
 */
export class SharedChannels {
  private readonly ids = new Set<string>();

  mark(channel: string | undefined): void {
    if (channel) this.ids.add(channel);
  }

  has(channel: string | undefined): boolean {
    return channel !== undefined && this.ids.has(channel);
  }
}

export const NOT_ALLOWED_TEXT = 'This bot is not enabled here. Ask your Slack admin or the security team where to use it.';
export const SHARED_CHANNEL_TEXT = 'This channel is shared with another organisation, so answers stay private here (only you can see them).';
