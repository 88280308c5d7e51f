import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App } from '@slack/bolt';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/answer/knowledge-base.js';
import { ACTION } from '../../src/render/blocks.js';
import { AccessPolicy, SharedChannels } from '../../src/slack/access.js';
import { EventDeduper } from '../../src/slack/dedupe.js';
import { InFlight } from '../../src/slack/in-flight.js';
import { LISTENERS, registerListeners } from '../../src/slack/listeners/index.js';
import { capturedLogger } from '../fakes/log-capture.js';
import { fixtureKnowledge } from '../support/knowledge.js';

const manifest = parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'manifest.yml'), 'utf8'));

/**
 * What the code registers, read from a real bolt App: every listener registration goes through app.event,
 * app.message, app.command and app.action, which are recorded here before being passed on.
 */
function registrations() {
  const app = new App({ token: 'xoxb-test', signingSecret: 'abcdef0123456789', tokenVerificationEnabled: false, logger: undefined });
  const seen = { events: new Set<string>(), messages: 0, commands: new Set<string>(), actions: [] as Array<string | RegExp>, shortcuts: [] as Array<{ type?: string; callback_id: string }>, views: [] as string[] };
  const wrap = <K extends 'event' | 'message' | 'command' | 'action' | 'shortcut' | 'view'>(name: K, record: (first: unknown) => void) => {
    const original = app[name].bind(app) as (...args: unknown[]) => unknown;
    (app as unknown as Record<K, unknown>)[name] = (...args: unknown[]) => {
      record(args[0]);
      return original(...args);
    };
  };
  wrap('event', (first) => seen.events.add(String(first)));
  wrap('message', () => seen.messages++);
  wrap('command', (first) => seen.commands.add(String(first)));
  wrap('action', (first) => seen.actions.push((first as { action_id: string | RegExp }).action_id));
  wrap('shortcut', (first) => seen.shortcuts.push(first as { type?: string; callback_id: string }));
  wrap('view', (first) => seen.views.push((first as { callback_id: string }).callback_id));
  registerListeners(app, { base: new KnowledgeBase(fixtureKnowledge()), logger: capturedLogger().logger, dedupe: new EventDeduper(), access: new AccessPolicy(), shared: new SharedChannels(), inFlight: new InFlight() });
  return seen;
}

/** The bot scopes each registered feature needs (Slack's documentation for each event and method). */
const SCOPES_FOR = {
  app_mention: ['app_mentions:read', 'chat:write'],
  'message.im': ['im:history', 'chat:write'],
  command: ['commands'],
  // chat:write for private replies; conversations.info before "Share in channel" posts visibly (public, private channels).
  actions: ['chat:write', 'channels:read', 'groups:read'],
  // Shortcuts need the commands scope; the shortcut's DM fallback posts with chat:write.
  shortcut: ['commands', 'chat:write'],
  // app_home_opened and views.publish need no scope of their own.
  app_home_opened: [],
};

describe('manifest.yml', () => {
  const seen = registrations();
  const scopes: string[] = manifest.oauth_config.scopes.bot;

  it('declares exactly the slash commands the code registers', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual([...seen.commands].sort());
    expect(manifest.features.slash_commands[0].usage_hint).toBeTruthy();
  });

  it('subscribes to the events the code listens to: app_mention, message.im for DMs, and channel messages for uploaded questionnaires', () => {
    // Message listeners: DMs (questions, pasted lists) and file_share messages in DMs and in channels that mention the bot.
    const messageEvents = seen.messages > 0 ? ['message.im', ...('fileShare' in LISTENERS ? ['message.channels', 'message.groups'] : [])] : [];
    const expected = [...seen.events, ...messageEvents].sort();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(expected);
  });

  it('asks for the file scopes a questionnaire round trip needs, and only subscribes to channel messages because of it', () => {
    // Download with the bot token (files:read); upload via getUploadURLExternal/completeUploadExternal (files:write);
    // the file_share message in public and private channels (channels:history, groups:history); the filled file of a
    // Slack Connect channel goes to the uploader's DM (conversations.open: im:write).
    for (const scope of ['files:read', 'files:write', 'channels:history', 'groups:history', 'im:write']) expect(scopes).toContain(scope);
    expect(seen.messages).toBeGreaterThanOrEqual(3); // direct message, pasted list, file share
  });

  it('turns interactivity on because the code handles button actions', () => {
    // One registration routes every button; it must catch each button ID the renderer uses, with or without a suffix.
    expect(seen.actions).toHaveLength(1);
    const pattern = seen.actions[0] as RegExp;
    for (const id of Object.values(ACTION)) {
      expect(pattern.test(id), id).toBe(true);
      expect(pattern.test(`${id}:29`), `${id}:29`).toBe(true);
    }
    expect(pattern.test('other_app_button')).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('declares exactly the message shortcuts the code registers', () => {
    const declared = (manifest.features.shortcuts ?? []).map((s: { type: string; callback_id: string }) => `${s.type}:${s.callback_id}`).sort();
    const registered = seen.shortcuts.map((s) => `${s.type === 'message_action' ? 'message' : 'global'}:${s.callback_id}`).sort();
    expect(registered).toEqual(['message:answer_message']);
    expect(declared).toEqual(registered);
    for (const shortcut of manifest.features.shortcuts) expect(shortcut.name.length).toBeLessThanOrEqual(24); // Slack's limit
  });

  it('enables the Home tab because the code publishes it on app_home_opened', () => {
    expect(seen.events).toContain('app_home_opened');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('handles the submission of the modal the code opens (views need no manifest entry, but interactivity)', () => {
    expect(seen.views).toEqual(['checklist_feedback_comment']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for every scope the features need', () => {
    const needed = new Set([
      ...[...seen.events].flatMap((e) => SCOPES_FOR[e as 'app_mention'] ?? []),
      ...SCOPES_FOR['message.im'],
      ...SCOPES_FOR.command,
      ...SCOPES_FOR.actions,
      ...(seen.shortcuts.length > 0 ? SCOPES_FOR.shortcut : []),
    ]);
    for (const scope of needed) expect(scopes).toContain(scope);
  });

  it('lets people DM the bot and runs in Socket Mode', () => {
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name).toBeTruthy();
  });
});
