/**
 * `node --require tsx/cjs test/bench/redisCommandsPerMessage.ts`: how many Redis commands one
 * inbound WhatsApp message costs, by command name. Baton runs in-process on a private redis-server
 * (nothing else talks to it), customers send signed Twilio webhooks, replies go to a fake Twilio.
 * Each customer's first message (which opens the conversation) is sent before MONITOR starts; then
 * CMD_CUSTOMERS × CMD_MESSAGES answered messages are counted, up to the moment every lane is idle
 * and the search index has flushed. Commands count, not time: the figure is the same on a busy machine.
 *
 * Env: CMD_CUSTOMERS (4), CMD_MESSAGES per customer (5), CMD_SHOW (prints every counted command, in
 * order, whose arguments hold this text, e.g. `by-update`: which step touches a key, and how often).
 */
import { randomBytes } from 'node:crypto';
import { signTwilioRequest } from '../fixtures/twilio/sign';
import { TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi } from '../support/fakePlatforms';
import { startRedisServer } from '../support/redisServers';
import { startTestBaton } from '../support/testBaton';
import { whatsappTextBody } from '../support/webhookBodies';

const SHOW = process.env.CMD_SHOW ?? '';
const CUSTOMERS = Number(process.env.CMD_CUSTOMERS ?? 4);
const MESSAGES = Number(process.env.CMD_MESSAGES ?? 5);
const TEXTS = ['What time does the store open?', 'Do you deliver to Pune?', 'Do you have cash on delivery?', 'How do I return an item?', 'What are your store hours?'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  const baton = await startTestBaton({ redisUrl: redis.url, env: { TWILIO_API_URL: twilio.url, SANDBOX_ENABLED: 'false', CONSOLE_ENABLED: 'false' } });
  const webhook = `${baton.url}/webhooks/twilio`;
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => `whatsapp:+9198${String(10000000 + i)}`);

  /** Sends one message per customer at once and waits for every reply. */
  async function round(text: (i: number) => string): Promise<void> {
    const before = twilio.messages().length;
    await Promise.all(
      customers.map(async (from, i) => {
        const body = whatsappTextBody({ from, messageSid: `SM${randomBytes(16).toString('hex')}`, text: text(i), profileName: 'Bench Customer' });
        const res = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, webhook, body) }, body });
        if (res.status >= 300) throw new Error(`webhook answered ${res.status}`);
      }),
    );
    for (const until = Date.now() + 15_000; twilio.messages().length < before + customers.length; await sleep(10)) {
      if (Date.now() > until) throw new Error('replies did not all arrive');
    }
    await baton.settle();
  }

  await round(() => 'hello');
  await sleep(300); // background steps of the first messages (CRM off; search flush, list placement)

  /** Commands sent by clients (scripts count once) and, apart, the commands scripts ran inside Redis. */
  const counts = new Map<string, number>();
  const inLua = new Map<string, number>();
  let total = 0;
  let totalInLua = 0;
  const monitor = await redis.client().monitor();
  monitor.on('monitor', (_t: string, args: string[], source: string) => {
    const name = String(args[0]).toLowerCase();
    if (name === 'monitor') return;
    if (SHOW && total > 0 && args.some((a) => String(a).includes(SHOW))) console.log(`${source.padEnd(16)} ${args.join(' ').slice(0, 160)}`);
    if (source === 'lua') {
      inLua.set(name, (inLua.get(name) ?? 0) + 1);
      totalInLua++;
      return;
    }
    counts.set(name, (counts.get(name) ?? 0) + 1);
    total++;
  });
  const probe = redis.client();
  await probe.get('monitor-probe');
  for (const until = Date.now() + 5000; !counts.has('get'); await sleep(10)) if (Date.now() > until) throw new Error('MONITOR is not streaming');
  probe.disconnect();
  await sleep(50);
  counts.clear();
  inLua.clear();
  total = 0;
  totalInLua = 0;

  for (let m = 0; m < MESSAGES; m++) await round((i) => TEXTS[(m + i) % TEXTS.length]!);
  await sleep(300); // the search index's flush delay, with room
  monitor.disconnect();

  const messages = CUSTOMERS * MESSAGES;
  console.log(`messages: ${messages} (${CUSTOMERS} customers × ${MESSAGES}, after each customer's first)`);
  console.log(`redis commands per message: ${(total / messages).toFixed(2)}`);
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(16)} ${(n / messages).toFixed(2)}`);
  console.log(`commands run inside scripts per message: ${(totalInLua / messages).toFixed(2)}`);
  for (const [name, n] of [...inLua].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(16)} ${(n / messages).toFixed(2)}`);

  await baton.close();
  await twilio.stop();
  await redis.kill();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
