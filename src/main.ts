// First: stops an older Node with one clear line (see config/require-node.ts).
import './config/require-node.js';
import { createServer, type Server, type ServerOptions } from 'node:http';
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
import { createSlackApp, health, HEALTH_PATH, HTTP_LIMITS, type HttpLimits, SlackUnavailableError, SOCKET_HEALTH_GRACE_MS, verifySlackToken, type ReceiverTuning } from './slack/app.js';
import { ConnectionState } from './slack/connection.js';
import { AccessPolicy, SharedChannels } from './slack/access.js';
import { EventDeduper, SharedDeduper, type Deduper } from './slack/dedupe.js';
import { loadStoreConfig } from './store/config.js';
import { Learning } from './store/learning.js';
import { maintainerTools } from './store/maintainers.js';
import { openStore, StoreUnavailableError } from './store/open.js';
import { BatchingRecorder } from './store/recorder.js';
import { startStoreServices } from './store/services.js';
import type { Store } from './store/store.js';
import { InFlight } from './slack/in-flight.js';
import { ChannelRateLimits } from './slack/rate-limit.js';

/** How long a shutdown waits for requests in flight. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningBot {
  config: Config;
  logger: Logger;
  base: KnowledgeBase;
  reloader: KnowledgeReloader;
  store: Store;
  recorder: BatchingRecorder;
  learning: Learning;
  /** Reads back what other processes wrote to the store (approved examples, shared channels); runs every 30 s. */
  syncStore: () => Promise<void>;
  /** The port listened on: Slack's requests and /healthz in HTTP mode, /healthz in Socket Mode. */
  port: number;
  stop: (graceMs?: number) => Promise<void>;
  /**
   * Resolves true once no request is being worked on (its reply sent or given up), false if `timeoutMs` passes
   * first. bolt acknowledges before the work starts; this is how a caller knows the work is over.
   */
  idle: (timeoutMs?: number) => Promise<boolean>;
  /** How many requests and pieces of listener work are under way (HTTP requests count from their first byte). */
  inFlight: () => number;
}


/** Overrides for tests: shorter waits than production's. */
export interface StartTuning {
  receiver?: Omit<ReceiverTuning, 'bodyLimit'>;
  http?: Partial<HttpLimits>;
}

const serverOptions = (limits: HttpLimits): ServerOptions => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  keepAliveTimeout: limits.keepAliveTimeoutMs,
  connectionsCheckingInterval: limits.checkEveryMs,
});

/** Starts the bot from the environment. Exits with code 2 and one clear line when configuration or knowledge is bad. */
export async function startBot(env: NodeJS.ProcessEnv = process.env, logger?: Logger, tuning: StartTuning = {}): Promise<RunningBot> {
  const limits = { ...HTTP_LIMITS, ...tuning.http };
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
  const storeConfig = loadStoreConfig(env);
  if (!storeConfig.ok) throw new StartupError(storeConfig.error);
  const log = logger ?? createLogger({ level: config.LOG_LEVEL });
  // Idle PostgreSQL connections report a server restart here; the recorder marks the store degraded.
  let onStoreError = (error: Error): void => void log.warn({ event: 'store_connection_error', err: error }, 'a database connection failed');
  let store: Store;
  try {
    const opened = await openStore(storeConfig.config, (error) => onStoreError(error));
    store = opened.store;
    log.info({ event: 'store_open', engine: store.engine, where: store.db.where, migrated: opened.migrated }, `records kept in ${store.db.where}`);
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw new StartupError(error.message);
    throw error;
  }
  const recorder = new BatchingRecorder(store, log);
  onStoreError = (error) => recorder.noteFailure('a database connection', error);

  const dir = knowledgeDir({ KNOWLEDGE_DIR: config.KNOWLEDGE_DIR });
  let base: KnowledgeBase;
  try {
    const knowledge = loadKnowledge(dir);
    for (const warning of knowledge.warnings) log.warn({ event: 'knowledge_warning', file: warning.file, line: warning.line }, warning.message);
    base = new KnowledgeBase(knowledge, config.ANSWER_CACHE_SIZE);
    base.warmUp();
  } catch (error) {
    await store.close();
    if (error instanceof KnowledgeError) throw new StartupError(`cannot load the knowledge folder ${dir}: ${error.problems.map(formatProblem).join('; ')}`);
    throw error;
  }

  let identity;
  try {
    identity = await verifySlackToken(config);
  } catch (error) {
    await store.close();
    if (error instanceof SlackUnavailableError) throw new StartupError(error.message);
    throw error;
  }
  // Approved examples join the index before the first question.
  const learning = new Learning(store, base, log);
  await learning.refresh().catch((error: unknown) => recorder.noteFailure('reading approved examples', error));
  const shared = new SharedChannels(Date.now, {
    remember: (channel) => void store.markShared(channel).then(() => recorder.noteSuccess(), (error: unknown) => recorder.noteFailure('remembering a shared channel', error)),
  });
  // With PostgreSQL, replicas may share the work: a retry that reaches another replica is claimed in the database.
  const dedupe: Deduper = storeConfig.config.databaseUrl ? new SharedDeduper((keys, ttlMs) => store.claimEvents(keys, ttlMs), (error) => recorder.noteFailure('the shared dedupe check', error)) : new EventDeduper();
  const llmConfig = llm.llm;
  const model = chooser && llmConfig.enabled ? { chooser, timeoutMs: llmConfig.timeoutMs, patienceMs: Math.min(DEFAULT_MODEL_PATIENCE_MS, llmConfig.timeoutMs) } : undefined;
  if (model && llmConfig.enabled) log.info({ event: 'model_layer', model: model.chooser.model, baseURL: llmConfig.baseURL ?? 'https://api.openai.com/v1', timeoutMs: model.timeoutMs }, 'model layer on');
  const inFlight = new InFlight();
  // Edits to the knowledge folder are picked up while running; a broken edit keeps the current version serving and
  // shows in /healthz until it is fixed.
  const reloader = new KnowledgeReloader(dir, () => base.knowledge, (knowledge) => learning.apply(knowledge), log);
  const deps = {
    base,
    logger: log,
    dedupe,
    access: new AccessPolicy({ teams: config.ALLOWED_TEAM_IDS, channels: config.ALLOWED_CHANNEL_IDS, homeTeam: identity.teamId }),
    shared,
    inFlight,
    rateLimits: new ChannelRateLimits(),
    ...(config.mode === 'socket' ? { connection: new ConnectionState(tuning.receiver?.healthGraceMs ?? SOCKET_HEALTH_GRACE_MS) } : {}),
    // RECORDING=off: nothing people ask is stored (the store still holds approved examples and, with PostgreSQL, dedupe).
    ...(env.RECORDING === 'off' ? {} : { recorder }),
    storeStatus: () => recorder.status(),
    maintainers: maintainerTools(store, learning, base, config.MAINTAINER_USER_IDS ?? []),
    pendingKnowledgeError: () => reloader.pendingError,
    ...(model ? { model } : {}),
  };
  const { app } = createSlackApp(config, deps, identity, { ...tuning.receiver, bodyLimit: limits.bodyBytes });
  let server: Server;
  if (config.mode === 'http') {
    server = (await app.start({ port: config.PORT, host: config.HOST }, serverOptions(limits))) as Server;
  } else {
    await app.start();
    // Socket Mode needs no inbound port for Slack; this one serves /healthz (connection state) for HEALTHCHECK.
    server = createServer(serverOptions(limits), (req, res) => {
      if (req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === HEALTH_PATH) return health(deps, req, res);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.PORT, config.HOST, resolve));
  }
  // Every request counts as work from its first byte, so a shutdown drains what it has accepted (see InFlight).
  server.on('request', (_req, res) => inFlight.trackRequest(res));
  const port = (server.address() as AddressInfo).port;
  log.info({ event: 'listening', mode: config.mode, host: config.HOST, port, sheetVersion: base.knowledge.version }, config.mode === 'http' ? `listening on http://${config.HOST}:${port}` : `connected in Socket Mode; health on http://${config.HOST}:${port}${HEALTH_PATH}`);
  reloader.start();
  const services = startStoreServices({ store, recorder, learning, shared, retentionDays: storeConfig.config.retentionDays, logger: log });

  // Stop accepting new requests, then let the ones in flight finish (bounded), so nobody's question is dropped.
  const stop = async (graceMs = SHUTDOWN_GRACE_MS): Promise<void> => {
    reloader.stop();
    // Closing the server refuses new connections; requests already arriving are received, acknowledged and answered.
    const closing = (app.stop() as Promise<unknown>).catch((error: unknown) => log.warn({ err: error }, 'error while closing the Slack connection'));
    if (config.mode === 'socket') server.close();
    const drained = await inFlight.idle(graceMs);
    if (!drained) log.warn({ event: 'shutdown_timeout', inFlight: inFlight.size, graceMs }, 'stopped with requests still in flight');
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 1000))]);
    services.stop();
    await recorder.close();
    await store.close().catch((error: unknown) => log.warn({ err: error }, 'error while closing the database'));
  };
  return { config, logger: log, base, reloader, store, recorder, learning, syncStore: services.sync, port, stop, idle: (timeoutMs = 5_000) => inFlight.idle(timeoutMs), inFlight: () => inFlight.size };
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
