import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Language } from '../../../answer/language.js';
import { renderHome } from '../../../render/home.js';
import type { SlackDeps } from '../../deps.js';
import { deliver } from '../../reply.js';

const HomeStateSchema = z.object({ lang: z.enum(['en', 'ja']), v: z.string() });

/** The language and sheet version of the Home view a person already has (Slack sends it with the event), if any. */
export function publishedState(view: { private_metadata?: string } | undefined): z.infer<typeof HomeStateSchema> | undefined {
  try {
    const parsed = HomeStateSchema.safeParse(JSON.parse(view?.private_metadata ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Publishes the Home tab for one person in a language (the switch button on it calls this too). */
export async function publishHome(client: AllMiddlewareArgs['client'], deps: SlackDeps, user: string, lang: Language): Promise<void> {
  // Plain JSON from the renderer, sent as the form field string (the Web API's types list only the object form).
  const view = JSON.stringify(renderHome(deps.base.knowledge, lang)) as unknown as Parameters<typeof client.views.publish>[0]['view'];
  await deliver(deps, { source: 'home', user }, () => client.views.publish({ user_id: user, view }));
}

/**
 * Opening the bot's Home tab shows what it answers, how to ask, the message shortcut and every item by section. The
 * view is published again only when it is missing or lists an older sheet version, in the language last chosen.
 */
export async function handle({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs, deps: SlackDeps): Promise<void> {
  if (event.tab !== 'home') return;
  const state = publishedState(event.view as { private_metadata?: string } | undefined);
  if (state && state.v === deps.base.knowledge.version) return;
  await publishHome(client, deps, event.user, state?.lang ?? 'en');
}

export function register(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', (args) => handle(args, deps));
}
