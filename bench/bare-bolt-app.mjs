// The load test's baseline: a bare bolt app in HTTP mode that replies to every mention with a constant string,
// through the same fake Slack Web API. Plain JavaScript, so it starts like the built bot (node, no transpiler).
import bolt from '@slack/bolt';

const { App, HTTPReceiver, LogLevel } = bolt;
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: '/slack/events' });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.event('app_mention', async ({ event, client }) => {
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text: 'ok' });
});
const server = await app.start({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ event: 'listening', port: server.address().port }));
// Exit normally on SIGTERM, so node flags such as --cpu-prof can write their output.
process.on('SIGTERM', () => process.exit(0));
