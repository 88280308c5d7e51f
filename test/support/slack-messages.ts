/** Reading what the bot sent to the fake Slack: the text a person sees, and the buttons they can click. */

type Element = { type: string; action_id: string; value: string; text?: { text: string } };

/** All text a Slack user would see in a posted message or view: the fallback and every text inside the blocks. */
export function visibleText(body: Record<string, unknown>): string {
  const texts: string[] = [String(body.text ?? '')];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') texts.push(inner);
        else walk(inner);
      }
    }
  };
  walk(body.blocks);
  return texts.join('\n');
}

/** Every button of a message (or a view: pass `{ blocks: view.blocks }`). */
export const buttons = (body: Record<string, unknown>): Element[] =>
  ((body.blocks as Array<{ type: string; elements?: Element[] }>) ?? [])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .filter((element) => element.type === 'button');
