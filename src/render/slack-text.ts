/**
 * Text safety and limits for Slack messages, shared by the Block Kit renderer and the Slack adapter.
 * Kept in the core because the renderer must produce messages that are safe by construction.
 */

/** Slack's documented limits that this bot must respect. */
export const SLACK_LIMITS = {
  /** The top-level `text` of a message (Slack truncates beyond 40,000, but recommends under 4,000). */
  text: 3900,
  /** A section block's text. */
  sectionText: 3000,
  /** A context block element's text. */
  contextText: 2000,
  /** A button's text (plain_text). */
  buttonText: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** Blocks in one message. */
  blocks: 50,
  /** Elements in one actions block. */
  actions: 25,
} as const;

/**
 * Escapes user-provided text for Slack: `&`, `<` and `>` become entities, so `<!channel>`, `<!here>`, `<@U123>`
 * and `<https://x|y>` are shown as typed and never ping anyone or render as links.
 */
export const escapeSlack = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Shortens text to `max` characters (counting code points), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Removes Slack markup from text the bot received: `<@U123>` mentions and link wrappers, keeping the readable part. */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!(?:channel|here|everyone)(?:\|[^>]*)?>/g, ' ')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
