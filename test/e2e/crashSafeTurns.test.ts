import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi } from '../support/fakePlatforms';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { startSlowFulfillment, type SlowFulfillment } from '../support/slowFulfillment';
import { whatsappTextBody } from '../support/webhookBodies';

/**
 * kill -9 in the middle of turns, with real processes on a real Redis: instance A accepts
 * messages, is killed while its turns wait on a slow fulfillment endpoint and while its replies
 * wait on a Twilio that accepted them but never answered; instance B takes the work over. Every
 * acknowledged message is answered exactly once, nothing stays pending, and B starts within 5 s.
 */

jest.setTimeout(240_000);

const SLOW_CUSTOMERS = 8;
const HUNG_CUSTOMERS = 4;

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describeWithRedis('an instance that dies or freezes mid-turn', () => {
  const prefix = uniquePrefix('crash');
  const started: ServerProcess[] = [];
  let twilio: FakeTwilioApi;
  let fulfillment: SlowFulfillment;
  let redis: Redis;
  let store: RedisConversationStore;

  async function startBaton(): Promise<ServerProcess> {
    const server = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        REDIS_URL: testRedisUrl,
        REDIS_KEY_PREFIX: prefix,
        TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
        TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
        TWILIO_API_URL: twilio.url,
        ORDER_FULFILLMENT_URL: fulfillment.url,
        // Long enough that nothing times out before the kill: A dies with its work in flight.
        FULFILLMENT_TIMEOUT_MS: '60000',
        SEND_TIMEOUT_MS: '60000',
        SHUTDOWN_GRACE_MS: '2000',
      },
      readyTimeoutMs: 120_000,
    });
    started.push(server);
    return server;
  }

  beforeAll(async () => {
    ensureBuild();
    twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
    fulfillment = await startSlowFulfillment();
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    store = new RedisConversationStore(redis);
  }, 300_000);

  afterAll(async () => {
    await Promise.allSettled(started.map((s) => s.stop('SIGKILL')));
    await Promise.allSettled([twilio?.stop(), fulfillment?.close()]);
    redis?.disconnect();
    await deletePrefix(testRedisUrl, prefix);
  }, 60_000);

  async function postWhatsApp(server: ServerProcess, from: string, text: string): Promise<number> {
    const body = whatsappTextBody({ from, messageSid: `SM${randomBytes(16).toString('hex')}`, text });
    const url = `${server.url}/webhooks/twilio`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) },
      body,
    });
    return res.status;
  }

  const customer = (label: string, i: number) => `whatsapp:+9198${label}${String(i).padStart(2, '0')}${randomBytes(2).readUInt16BE(0) % 1000}`.slice(0, 23);

  /** Waits until every customer has a reply with a platform id and no message of theirs is pending. */
  async function everyoneAnswered(all: string[]): Promise<void> {
    await until(
      'every customer answered, nothing pending',
      async () => {
        for (const c of all) {
          const conversation = await store.findByAddress('whatsapp', c);
          if (!conversation) return undefined;
          const messages = await store.listMessages(conversation.id);
          const replies = messages.filter((m) => m.direction === 'outbound');
          if (replies.length === 0 || replies.some((m) => m.status === 'pending' || !m.platformMessageId)) return undefined;
        }
        return true;
      },
      60_000,
    );
  }

  /** Answered exactly once at the platform, and recorded once on the transcript. */
  async function answeredExactlyOnce(all: string[]): Promise<void> {
    for (const c of all) {
      const atTwilio = twilio.accepted.filter((m) => m.to === c);
      expect(atTwilio).toHaveLength(1);
      const conversation = (await store.findByAddress('whatsapp', c))!;
      const messages = await store.listMessages(conversation.id);
      expect(messages.map((m) => [m.direction, m.author])).toEqual([
        ['inbound', 'customer'],
        ['outbound', 'bot'],
      ]);
      expect(messages[1]!.platformMessageId).toBe(atTwilio[0]!.sid);
    }
  }

  test('every acknowledged message is answered once, nothing stays pending, and a second instance takes over within 5 s', async () => {
    const a = await startBaton();
    const slow = Array.from({ length: SLOW_CUSTOMERS }, (_, i) => customer('11', i));
    const hung = Array.from({ length: HUNG_CUSTOMERS }, (_, i) => customer('22', i));
    // Twilio keeps the opening-hours answers and never replies: their results are unknown to A.
    twilio.hangWhen = (form) => /10:00/.test(form.get('Body') ?? '');

    const acks = await Promise.all([
      ...slow.map((c) => postWhatsApp(a, c, 'where is my order SG-482913')),
      ...hung.map((c) => postWhatsApp(a, c, 'What time does the store open?')),
    ]);
    expect(acks.every((s) => s === 200)).toBe(true);

    // A is mid-turn everywhere: waiting on fulfillment, or on Twilio.
    await until('turns in flight on A', () => (fulfillment.requests.length >= SLOW_CUSTOMERS && twilio.accepted.length >= HUNG_CUSTOMERS ? true : undefined), 60_000);
    const b = await startBaton();
    expect(fulfillment.requests.filter((r) => !r.held)).toHaveLength(0);

    fulfillment.hold = false;
    twilio.hangWhen = null;
    await a.stop('SIGKILL');
    const killedAt = Date.now();

    await everyoneAnswered([...slow, ...hung]);

    // Taken over within 5 s: B's first runs of the cut-short turns, B's lookups of the unknown sends.
    const rerunAt = fulfillment.requests.filter((r) => !r.held).map((r) => r.at);
    expect(rerunAt).toHaveLength(SLOW_CUSTOMERS);
    const lookups = twilio.requests.filter((r) => r.method === 'GET' && r.path.includes('/Messages.json')).map((r) => r.at);
    expect(lookups.length).toBeGreaterThanOrEqual(HUNG_CUSTOMERS);
    const takeover = Math.max(...rerunAt, ...lookups.slice(0, HUNG_CUSTOMERS)) - killedAt;
    process.stdout.write(`kill -9 takeover: slowest lane or send taken over ${takeover} ms after the kill\n`);
    expect(takeover).toBeLessThanOrEqual(5000);

    await answeredExactlyOnce([...slow, ...hung]);
    for (const c of slow) expect(twilio.accepted.find((m) => m.to === c)!.body).toMatch(/shipped yesterday/);
    await b.stop('SIGTERM');
  });

  test('an instance frozen past its leases (SIGSTOP) and thawed while the other carries its work on sends nothing twice', async () => {
    fulfillment.hold = true;
    fulfillment.releaseHeld();
    const requestsBefore = fulfillment.requests.length;
    const lookupsBefore = twilio.requests.filter((r) => r.method === 'GET').length;
    const a = await startBaton();
    const b = await startBaton();
    const slow = Array.from({ length: SLOW_CUSTOMERS }, (_, i) => customer('33', i));
    const hung = Array.from({ length: HUNG_CUSTOMERS }, (_, i) => customer('44', i));
    twilio.hangWhen = (form) => /10:00/.test(form.get('Body') ?? '') && hung.includes(form.get('To') ?? '');

    const acks = await Promise.all([
      ...slow.map((c) => postWhatsApp(a, c, 'where is my order SG-482913')),
      ...hung.map((c) => postWhatsApp(a, c, 'What time does the store open?')),
    ]);
    expect(acks.every((s) => s === 200)).toBe(true);
    await until(
      'turns in flight',
      () => (fulfillment.requests.length - requestsBefore >= SLOW_CUSTOMERS && twilio.accepted.filter((m) => hung.includes(m.to)).length >= HUNG_CUSTOMERS ? true : undefined),
      60_000,
    );

    // A freezes: a GC pause or a starved CPU far longer than its 3 s leases. The answers its turns
    // waited for arrive while it is stopped, so it carries on with them the moment it thaws.
    a.child.kill('SIGSTOP');
    const frozenAt = Date.now();
    fulfillment.releaseHeld();
    try {
      // B takes the frozen instance's turns over: it calls fulfillment again (held, so its turns are mid-way)
      // and looks up the sends whose result A never learnt.
      await until('B runs the cut-short turns again', () => (fulfillment.requests.length - requestsBefore >= 2 * SLOW_CUSTOMERS ? true : undefined), 30_000);
      await until('B looks up the unknown sends', () => (twilio.requests.filter((r) => r.method === 'GET').length - lookupsBefore >= HUNG_CUSTOMERS ? true : undefined), 30_000);
    } finally {
      // A thaws in the middle of B's turns: both now run the same turns at once.
      a.child.kill('SIGCONT');
    }
    process.stdout.write(`freeze: A stopped for ${Date.now() - frozenAt} ms\n`);
    await new Promise((r) => setTimeout(r, 500));
    fulfillment.hold = false;
    fulfillment.releaseHeld();

    await everyoneAnswered([...slow, ...hung]);
    // Let both instances settle: whatever either would still send has had time to reach Twilio.
    await new Promise((r) => setTimeout(r, 3000));
    await answeredExactlyOnce([...slow, ...hung]);
    twilio.hangWhen = null;
    await Promise.all([a.stop('SIGKILL'), b.stop('SIGTERM')]);
  });
});
