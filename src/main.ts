// First: stops an older Node with one clear line (see config/require-node.ts).
import './config/require-node.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KnowledgeBase } from './answer/knowledge-base.js';
import { loadConfig, loadDotEnv, type Config } from './config/env.js';
import { loadLlmConfig } from './config/llm.js';
import { createChooser } from './llm/index.js';
import { PromptError } from './llm/prompts.js';
import { DEFAULT_MODEL_PATIENCE_MS } from './slack/reply.js';
import { isEntryPoint, knowledgeDir } from './config/paths.js';
import { formatProblem, KnowledgeError, loadKnowledge } from './knowledge/load.js';
import { KnowledgeReloader } from './knowledge/reloader.js';
import { createLogger, type Logger } from './logging/logger.js';
import { createSlackApp, SlackUnavailableError, verifySlackToken } from './slack/app.js';
import { AccessPolicy, SharedChannels } from './slack/access.js';
import { EventDeduper } from './slack/dedupe.js';
import { InFlight } from './slack/in-flight.js';

/** How long a shutdown waits for requests in flight. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningBot {
  config: Config;
  logger: Logger;
  base: KnowledgeBase;
  reloader: KnowledgeReloader;
  /** The port listened on in HTTP mode. */
  port?: number;
  stop: (graceMs?: number) => Promise<void>;
  /**
   * Resolves true once no request is being worked on (its reply sent or given up), false if `timeoutMs` passes
   * first. bolt acknowledges before the work starts; this is how a caller knows the work is over.
   */
  idle: (timeoutMs?: number) => Promise<boolean>;
}

/** Starts the bot from the environment. Exits with code 2 and one clear line when configuration or knowledge is bad. */
export async function startBot(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<RunningBot> {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new StartupError(loaded.error);
  const config = loaded.config;
  const llm = loadLlmConfig(env);
  if (!llm.ok) throw new StartupError(llm.error);
  let chooser;
  try {
    chooser = await createChooser(llm.llm);
  } catch (error) {
    if (error instanceof PromptError) throw new StartupError(error.message);
    throw error;
  }
  const log = logger ?? createLogger({ level: config.LOG_LEVEL });

  const dir = knowledgeDir({ KNOWLEDGE_DIR: config.KNOWLEDGE_DIR });
  let base: KnowledgeBase;
  try {
    const knowledge = loadKnowledge(dir);
    for (const warning of knowledge.warnings) log.warn({ event: 'knowledge_warning', file: warning.file, line: warning.line }, warning.message);
    base = new KnowledgeBase(knowledge, config.ANSWER_CACHE_SIZE);
    base.warmUp();
  } catch (error) {
    if (error instanceof KnowledgeError) throw new StartupError(`cannot load the knowledge folder ${dir}: ${error.problems.map(formatProblem).join('; ')}`);
    throw error;
  }

  let identity;
  try {
    identity = await verifySlackToken(config);
  } catch (error) {
    if (error instanceof SlackUnavailableError) throw new StartupError(error.message);
    throw error;
  }
  const llmConfig = llm.llm;
  const model = chooser && llmConfig.enabled ? { chooser, timeoutMs: llmConfig.timeoutMs, patienceMs: Math.min(DEFAULT_MODEL_PATIENCE_MS, llmConfig.timeoutMs) } : undefined;
  if (model && llmConfig.enabled) log.info({ event: 'model_layer', model: model.chooser.model, baseURL: llmConfig.baseURL ?? 'https://api.openai.com/v1', timeoutMs: model.timeoutMs }, 'model layer on');
  const inFlight = new InFlight();
  // Edits to the knowledge folder are picked up while running; a broken edit keeps the current version serving and
  // shows in /healthz until it is fixed.
  const reloader = new KnowledgeReloader(dir, () => base.knowledge, (knowledge) => base.swap(knowledge), log);
  const deps = {
    base,
    logger: log,
    dedupe: new EventDeduper(),
    access: new AccessPolicy({ teams: config.ALLOWED_TEAM_IDS, channels: config.ALLOWED_CHANNEL_IDS }),
    shared: new SharedChannels(),
    inFlight,
    pendingKnowledgeError: () => reloader.pendingError,
    ...(model ? { model } : {}),
  };
  const { app } = createSlackApp(config, deps, identity);
  let port: number | undefined;
  if (config.mode === 'http') {
    const server = (await app.start({ port: config.PORT, host: config.HOST })) as Server;
    port = (server.address() as AddressInfo).port;
    log.info({ event: 'listening', mode: 'http', host: config.HOST, port, sheetVersion: base.knowledge.version }, `listening on http://${config.HOST}:${port}`);
  } else {
    await app.start();
    log.info({ event: 'listening', mode: 'socket', sheetVersion: base.knowledge.version }, 'connected in Socket Mode');
  }
  reloader.start();

  // Stop accepting new requests, then let the ones in flight finish (bounded), so nobody's question is dropped.
  const stop = async (graceMs = SHUTDOWN_GRACE_MS): Promise<void> => {
    reloader.stop();
    const closing = (app.stop() as Promise<unknown>).catch((error: unknown) => log.warn({ err: error }, 'error while closing the Slack connection'));
    const drained = await inFlight.idle(graceMs);
    if (!drained) log.warn({ event: 'shutdown_timeout', inFlight: inFlight.size, graceMs }, 'stopped with requests still in flight');
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 1000))]);
  };
  return { config, logger: log, base, reloader, ...(port !== undefined ? { port } : {}), stop, idle: (timeoutMs = 5_000) => inFlight.idle(timeoutMs) };
}

/** A startup problem the user can fix; printed as one line, without a stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

async function main(): Promise<void> {
  loadDotEnv();
  let bot: RunningBot;
  try {
    bot = await startBot(process.env);
  } catch (error) {
    console.error(error instanceof StartupError ? `checklist-bot: ${error.message}` : `checklist-bot: failed to start: ${(error as Error).message}`);
    process.exit(2);
  }
  process.on('unhandledRejection', (reason) => bot.logger.error({ err: reason }, 'unhandled rejection (kept running)'));
  process.on('uncaughtException', (error) => bot.logger.error({ err: error }, 'uncaught exception (kept running)'));
  const shutdown = (signal: string) => {
    bot.logger.info({ event: 'stopping', signal }, 'stopping');
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (isEntryPoint(import.meta.url)) void main();
