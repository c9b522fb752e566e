import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi } from '../support/fakePlatforms';
import { describeWithNginx, startNginx, type Nginx } from '../support/nginx';
import { deletePrefix, testRedisUrl, uniquePrefix } from '../support/redis';
import { ensureBuild, freePort, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { whatsappTextBody } from '../support/webhookBodies';

/**
 * Three real Baton processes on one Redis, behind Debian's nginx configured as the README says.
 * WhatsApp customers write in a closed loop (each waits for the reply before writing again), like
 * people do. The turns spread over the three instances; then the busiest one is killed with
 * kill -9 in the middle of the traffic. Every acknowledged message is answered exactly once and no
 * customer waits more than 5 s for an answer.
 */

jest.setTimeout(240_000);

const CUSTOMERS = 24;
const MESSAGES_BEFORE_KILL = 5;
const MESSAGES_AFTER_KILL = 5;
/** A person reads the answer before writing again; with none, a lane never rests and stays with whoever had it. */
const THINK_MS = 300;
const METRICS_TOKEN = 'metrics-token-for-the-nginx-test';

interface Sent {
  customer: string;
  sentAt: number;
  status: number;
  answeredAt?: number;
}

const describeWithRedisAndNginx: jest.Describe = testRedisUrl ? describeWithNginx : describe.skip;

describeWithRedisAndNginx('three instances behind nginx', () => {
  const prefix = uniquePrefix('nginx');
  const instances: ServerProcess[] = [];
  const killed = new Set<ServerProcess>();
  let nginx: Nginx;
  let killedAt = 0;
  let twilio: FakeTwilioApi;
  const sent: Sent[] = [];
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => `whatsapp:+9779801${String(i).padStart(3, '0')}${randomBytes(2).readUInt16BE(0) % 1000}`);

  beforeAll(async () => {
    ensureBuild();
    twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
    const ports = [await freePort(), await freePort(), await freePort()];
    nginx = await startNginx(ports.map((p) => `127.0.0.1:${p}`));
    for (const port of ports) {
      instances.push(
        await startServerProcess({
          port,
          env: {
            NODE_ENV: 'production',
            LOG_LEVEL: 'warn',
            // Twilio signs the URL it calls: nginx's, for every instance behind it.
            PUBLIC_URL: nginx.url,
            REDIS_URL: testRedisUrl,
            REDIS_KEY_PREFIX: prefix,
            TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
            TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
            TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
            TWILIO_API_URL: twilio.url,
            METRICS_TOKEN,
            SHUTDOWN_GRACE_MS: '2000',
          },
          readyTimeoutMs: 120_000,
        }),
      );
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.allSettled(instances.map((s) => s.stop('SIGKILL')));
    await Promise.allSettled([nginx?.stop(), twilio?.stop()]);
    await deletePrefix(testRedisUrl, prefix);
  }, 60_000);

  /** A signed webhook through nginx; a failed delivery is delivered again with the same MessageSid, as Twilio does. */
  async function deliver(customer: string, text: string): Promise<number> {
    const body = whatsappTextBody({ from: customer, messageSid: `SM${randomBytes(16).toString('hex')}`, text });
    const url = `${nginx.url}/webhooks/twilio`;
    let status = 0;
    for (let attempt = 0; attempt < 4 && (status < 200 || status >= 300); attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 500));
      status = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) },
        body,
        signal: AbortSignal.timeout(15_000),
      })
        .then((r) => r.status)
        .catch(() => -1);
    }
    return status;
  }

  const repliesTo = (customer: string) => twilio.accepted.filter((m) => m.to === customer);

  /** One customer writes `count` messages, each after the answer to the one before (or 30 s without one). */
  async function converse(customer: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const before = repliesTo(customer).length;
      const item: Sent = { customer, sentAt: Date.now(), status: 0 };
      sent.push(item);
      item.status = await deliver(customer, i % 2 ? 'What time does the store open?' : 'how long does delivery take to Pokhara');
      if (item.status !== 200) continue;
      const until = Date.now() + 30_000;
      while (repliesTo(customer).length <= before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      const reply = repliesTo(customer)[before];
      if (reply) item.answeredAt = reply.createdAt;
      await new Promise((r) => setTimeout(r, THINK_MS));
    }
  }

  async function answersBy(instance: ServerProcess): Promise<number> {
    const text = await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());
    let total = 0;
    for (const line of text.split('\n')) if (/^baton_(bot_answers|bot_fallbacks)_total[{ ]/.test(line)) total += Number(line.split(' ').pop());
    return total;
  }

  it('spreads the turns over every instance (each handles 20–47%)', async () => {
    await Promise.all(customers.map((c) => converse(c, MESSAGES_BEFORE_KILL)));
    const perInstance = await Promise.all(instances.map(answersBy));
    const total = perInstance.reduce((a, b) => a + b, 0);
    const shares = perInstance.map((n) => n / total);
    process.stdout.write(`nginx share of turns: ${shares.map((s) => `${(s * 100).toFixed(1)}%`).join(', ')} of ${total}\n`);
    expect(total).toBe(CUSTOMERS * MESSAGES_BEFORE_KILL);
    for (const share of shares) {
      expect(share).toBeGreaterThanOrEqual(0.2);
      expect(share).toBeLessThanOrEqual(0.47);
    }
  });

  it('answers every acknowledged message exactly once after a kill -9 of the busiest instance, with no customer waiting over 5 s', async () => {
    const counts = await Promise.all(instances.map(answersBy));
    const busiest = instances[counts.indexOf(Math.max(...counts))]!;
    const firstAfter = sent.length;
    const traffic = Promise.all(customers.map((c) => converse(c, MESSAGES_AFTER_KILL)));
    await new Promise((r) => setTimeout(r, 1500));
    await busiest.stop('SIGKILL');
    killedAt = Date.now();
    killed.add(busiest);
    await traffic;

    const after = sent.slice(firstAfter);
    const acknowledged = sent.filter((s) => s.status === 200);
    expect(after.filter((s) => s.status !== 200)).toEqual([]);
    // A late duplicate would come after the leases of the dead instance ran out: wait two of them.
    await new Promise((r) => setTimeout(r, 6000));
    const unanswered = acknowledged.filter((s) => s.answeredAt === undefined).length;
    const doubled = customers.reduce((n, c) => n + Math.max(0, repliesTo(c).length - acknowledged.filter((s) => s.customer === c).length), 0);
    const longest = Math.max(...after.map((s) => (s.answeredAt ?? Infinity) - s.sentAt));
    if (unanswered) {
      // What the store says of the unanswered ones, to tell a lost turn from a lost send.
      const r = new Redis(testRedisUrl, { keyPrefix: prefix });
      const store = new RedisConversationStore(r);
      for (const s of acknowledged.filter((x) => x.answeredAt === undefined)) {
        const c = await store.findByAddress('whatsapp', s.customer);
        const msgs = c ? await store.listMessages(c.id) : [];
        const count = acknowledged.filter((x) => x.customer === s.customer).length;
        process.stdout.write(
          `unanswered: ${s.customer.slice(-6)} wrote ${s.sentAt - killedAt} ms after the kill; Twilio has ${repliesTo(s.customer).length} replies for ${count}; transcript ${msgs.map((m) => `${m.direction[0]}:${m.status}`).join(' ')}\n`,
        );
      }
      r.disconnect();
    }
    process.stdout.write(`nginx kill -9: ${acknowledged.length} acknowledged, ${unanswered} unanswered, ${doubled} answered twice, longest wait ${longest} ms\n`);
    expect({ unanswered, doubled }).toEqual({ unanswered: 0, doubled: 0 });
    expect(longest).toBeLessThanOrEqual(5000);
  });

  it('answers once a webhook that nginx retried on another instance', async () => {
    const alive = instances.filter((s) => !killed.has(s));
    const customer = `whatsapp:+9779812${randomBytes(3).readUIntBE(0, 3) % 1_000_000}`;
    const body = whatsappTextBody({ from: customer, messageSid: `SM${randomBytes(16).toString('hex')}`, text: 'What time does the store open?' });
    const url = `${nginx.url}/webhooks/twilio`;
    const signature = signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body);
    // The same delivery reaching two instances: what proxy_next_upstream non_idempotent can do.
    const statuses = await Promise.all(
      alive.slice(0, 2).map((s) =>
        fetch(`${s.url}/webhooks/twilio`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body }).then((r) => r.status),
      ),
    );
    expect(statuses).toEqual([200, 200]);
    await twilio.waitFor((r) => r.form?.get('To') === customer, 20_000);
    await new Promise((r) => setTimeout(r, 4000));
    expect(repliesTo(customer)).toHaveLength(1);
  });
});
