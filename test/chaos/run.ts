import { createHmac, randomBytes } from 'node:crypto';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeGraphApi, FakeTwilioApi } from '../support/fakePlatforms';
import { startNginx } from '../support/nginx';
import { cleanRedisDirs, startRedisCluster, startRedisServer, startSentinelSet } from '../support/redisServers';
import { ensureBuild, freePort, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { messengerTextBody, whatsappTextBody } from '../support/webhookBodies';

/**
 * `npm run chaos`: N real Baton instances behind Debian's nginx, on a real Redis Sentinel set, a real
 * 6-node Redis Cluster, or a single redis-server, with signed WhatsApp and Messenger customers writing in a closed loop. During
 * the run it kills an instance with kill -9 (and starts it again), fails Redis over, and makes the
 * fake platforms answer 500, then 429 with Retry-After, then hang. It prints what was sent,
 * acknowledged, answered once, answered twice and lost, and the longest wait for an answer.
 *
 * CHAOS_INSTANCES (3), CHAOS_SECONDS (60), CHAOS_CUSTOMERS (24, half on each channel),
 * CHAOS_REDIS (sentinel | cluster | single). Exits 1 when anything acknowledged was lost or answered twice.
 */

const INSTANCES = Number(process.env.CHAOS_INSTANCES ?? 3);
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 60);
const CUSTOMERS = Number(process.env.CHAOS_CUSTOMERS ?? 24);
const REDIS_MODE = process.env.CHAOS_REDIS ?? 'sentinel';
const THINK_MS = 300;
const ANSWER_WAIT_MS = 120_000;
const META_APP_SECRET = 'chaos-app-secret-0123456789';
const METRICS_TOKEN = 'chaos-metrics-token-0123456789';
const TEXTS = ['What time does the store open?', 'how long does delivery take to Pokhara', 'return policy kya hai', 'डिलीवरी कब तक होगी'];

interface Customer {
  channel: 'whatsapp' | 'messenger';
  address: string;
}

interface Sent {
  customer: Customer;
  firstTryAt: number;
  acknowledged: boolean;
  answeredAt?: number;
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  ensureBuild();
  const twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  const graph = await new FakeGraphApi().start();
  const sentinel = REDIS_MODE === 'sentinel' ? await startSentinelSet('chaosmaster') : undefined;
  const cluster = REDIS_MODE === 'cluster' ? await startRedisCluster() : undefined;
  const single = sentinel || cluster ? undefined : await startRedisServer();
  const redisEnv: Record<string, string> = sentinel
    ? { REDIS_SENTINELS: sentinel.sentinels.map((s) => `${s.host}:${s.port}`).join(','), REDIS_SENTINEL_NAME: sentinel.name }
    : cluster
      ? { REDIS_CLUSTER_NODES: cluster.nodesEnv }
      : { REDIS_URL: single!.url };
  const redisLabel = sentinel ? 'a Sentinel set (master, replica, 3 sentinels)' : cluster ? 'a 6-node Redis Cluster (3 masters, 3 replicas)' : 'one redis-server';

  const ports = await Promise.all(Array.from({ length: INSTANCES }, () => freePort()));
  const nginx = await startNginx(ports.map((p) => `127.0.0.1:${p}`));
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    PUBLIC_URL: nginx.url,
    ...redisEnv,
    REDIS_KEY_PREFIX: 'chaos:',
    TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
    TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
    TWILIO_API_URL: twilio.url,
    META_APP_SECRET,
    META_VERIFY_TOKEN: 'chaos-verify-token',
    META_PAGE_ACCESS_TOKEN: 'EAAGchaospagetoken0123456789',
    META_GRAPH_URL: graph.url,
    SEND_TIMEOUT_MS: '2000',
    SEND_RETRY_BASE_MS: '500',
    METRICS_TOKEN,
    SHUTDOWN_GRACE_MS: '2000',
  };
  const start = (port: number) => startServerProcess({ port, env, readyTimeoutMs: 120_000 });
  const instances: ServerProcess[] = [];
  for (const port of ports) instances.push(await start(port));
  log(`chaos: ${INSTANCES} instances behind nginx on ${redisLabel}, ${SECONDS} s, ${CUSTOMERS} customers (WhatsApp and Messenger)`);

  const customers: Customer[] = Array.from({ length: CUSTOMERS }, (_, i) =>
    i % 2 === 0
      ? { channel: 'whatsapp', address: `whatsapp:+97798${String(i).padStart(4, '0')}${randomBytes(2).readUInt16BE(0) % 1000}` }
      : { channel: 'messenger', address: `71${Date.now() % 1e8}${String(i).padStart(4, '0')}` },
  );
  const replies = (c: Customer) =>
    c.channel === 'whatsapp' ? twilio.accepted.filter((m) => m.to === c.address).map((m) => m.createdAt) : graph.accepted.filter((m) => m.recipient === c.address).map((m) => m.createdAt);

  async function deliverOnce(c: Customer, text: string, id: string): Promise<number> {
    if (c.channel === 'whatsapp') {
      const body = whatsappTextBody({ from: c.address, messageSid: id, text });
      const url = `${nginx.url}/webhooks/twilio`;
      return fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) },
        body,
        signal: AbortSignal.timeout(15_000),
      })
        .then((r) => r.status)
        .catch(() => -1);
    }
    const body = messengerTextBody({ psid: c.address, mid: id, text });
    return fetch(`${nginx.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', META_APP_SECRET).update(body).digest('hex')}` },
      body,
      signal: AbortSignal.timeout(15_000),
    })
      .then((r) => r.status)
      .catch(() => -1);
  }

  const sent: Sent[] = [];
  const began = Date.now();
  /** Customers write until the run's time is up and every fault has played (a slow machine stretches the timeline). */
  let stopAt = began + SECONDS * 1000;

  async function converse(c: Customer): Promise<void> {
    for (let i = 0; Date.now() < stopAt; i++) {
      const before = replies(c).length;
      const item: Sent = { customer: c, firstTryAt: Date.now(), acknowledged: false };
      sent.push(item);
      const id = c.channel === 'whatsapp' ? `SM${randomBytes(16).toString('hex')}` : `m_${randomBytes(16).toString('hex')}`;
      // Platforms deliver a refused webhook again (same id), for a while.
      for (let attempt = 0; attempt < 6 && !item.acknowledged; attempt++) {
        if (attempt) await sleep(2000);
        const status = await deliverOnce(c, TEXTS[i % TEXTS.length]!, id);
        item.acknowledged = status >= 200 && status < 300;
      }
      if (!item.acknowledged) continue;
      const until = Date.now() + ANSWER_WAIT_MS;
      while (replies(c).length <= before && Date.now() < until) await sleep(25);
      item.answeredAt = replies(c)[before];
      await sleep(THINK_MS);
    }
  }

  const events: string[] = [];
  const totals = { lost: 0, duplicated: 0 };
  const at = () => `${((Date.now() - began) / 1000).toFixed(1)} s`;
  const failure = (status: number, headers?: Record<string, string>) => ({
    count: Number.MAX_SAFE_INTEGER,
    status,
    body: status === 429 ? { code: 20429, message: 'Too Many Requests', status } : { code: 20500, message: 'Internal Server Error', status },
    ...(headers ? { headers } : {}),
  });
  const faults = (async () => {
    const t = (fraction: number) => sleep(Math.max(0, began + SECONDS * 1000 * fraction - Date.now()));
    await t(0.15);
    const victim = instances[1 % INSTANCES]!;
    await victim.stop('SIGKILL');
    events.push(`kill -9 of instance 2 at ${at()}`);
    await t(0.3);
    const restarted = start(victim.port).then((s) => {
      instances[1 % INSTANCES] = s;
      events.push(`instance 2 back at ${at()}`);
    });
    await t(0.4);
    if (sentinel) {
      const killedAt = Date.now();
      await sentinel.master.kill();
      events.push(`Redis master killed at ${at()}`);
      void (async () => {
        while ((await sentinel.currentMasterPort().catch(() => 0)) !== sentinel.replica.port) await sleep(200);
        events.push(`Sentinel switched master ${Date.now() - killedAt} ms later`);
      })();
    }
    if (cluster) {
      const killedAt = Date.now();
      // Not the node the slot map is asked from.
      const victimPort = (await cluster.masters()).find((m) => m.port !== cluster.nodes[0]!.port)!.port;
      await cluster.nodes.find((n) => n.port === victimPort)!.kill();
      events.push(`Redis Cluster master ${victimPort} killed at ${at()}`);
      void (async () => {
        while ((await cluster.masters().catch(() => [{ port: victimPort }])).some((m) => m.port === victimPort)) await sleep(200);
        events.push(`the cluster promoted a replica ${Date.now() - killedAt} ms later`);
      })();
    }
    await t(0.55);
    twilio.failNext = failure(500);
    graph.failNext = failure(500);
    events.push(`platforms answer 500 from ${at()}`);
    await sleep(10_000);
    twilio.failNext = failure(429, { 'retry-after': '2' });
    graph.failNext = failure(429, { 'retry-after': '2' });
    events.push(`platforms answer 429 (Retry-After: 2) from ${at()}`);
    await sleep(5_000);
    twilio.failNext = null;
    graph.failNext = null;
    events.push(`platforms recover at ${at()}`);
    await t(0.85);
    twilio.hangWhen = () => true;
    events.push(`Twilio accepts but never answers from ${at()}`);
    await sleep(3_000);
    twilio.hangWhen = null;
    events.push(`Twilio answers again at ${at()}`);
    await restarted;
    stopAt = Math.max(stopAt, Date.now() + 5000);
  })();

  await Promise.all([...customers.map(converse), faults]);
  // A late second answer would come after the leases of a dead instance ran out: wait a few of them.
  await sleep(10_000);

  for (const e of events) log(`  ${e}`);
  for (const channel of ['whatsapp', 'messenger'] as const) {
    const mine = sent.filter((s) => s.customer.channel === channel);
    const acknowledged = mine.filter((s) => s.acknowledged);
    const lost = acknowledged.filter((s) => s.answeredAt === undefined).length;
    const duplicated = customers
      .filter((c) => c.channel === channel)
      .reduce((n, c) => n + Math.max(0, replies(c).length - acknowledged.filter((s) => s.customer === c).length), 0);
    const waits = acknowledged.filter((s) => s.answeredAt !== undefined).map((s) => s.answeredAt! - s.firstTryAt).sort((a, b) => a - b);
    totals.lost += lost;
    totals.duplicated += duplicated;
    log(
      `${channel}: sent ${mine.length}, acknowledged ${acknowledged.length}, answered once ${acknowledged.length - lost - duplicated}, ` +
        `answered twice ${duplicated}, lost ${lost}; wait for an answer median ${waits[Math.floor(waits.length / 2)] ?? 0} ms, longest ${waits.at(-1) ?? 0} ms`,
    );
  }
  log('(the longest waits include the 15 s platform outage: replies wait for the platform, with backoff)');

  await Promise.allSettled(instances.map((s) => s.stop('SIGKILL')));
  await Promise.allSettled([nginx.stop(), twilio.stop(), graph.stop(), sentinel?.stop(), cluster?.stop(), single?.kill()]);
  cleanRedisDirs();
  process.exit(totals.lost || totals.duplicated ? 1 : 0);
}

main().catch((err: Error) => {
  process.stderr.write(`chaos failed: ${err.stack ?? err.message}\n`);
  process.exit(2);
});
