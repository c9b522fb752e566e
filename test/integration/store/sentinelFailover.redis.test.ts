import Redis from 'ioredis';
import { startTestBaton, type TestBaton } from '../../support/testBaton';
import { cleanRedisDirs, describeWithRedisServer, startSentinelSet, type SentinelSet } from '../../support/redisServers';

/**
 * A Sentinel failover under a trickle of customer messages, on real redis-server processes: a master,
 * a replica and three sentinels. The master is killed (kill -9) in the middle of the trickle. Every
 * message the sandbox acknowledged must be answered in the end (acknowledged only after a replica
 * has it), Baton must answer again within 15 s, and /readyz must be green at the end.
 */

jest.setTimeout(120_000);

const RATE_PER_SECOND = 20;
const KILL_AT_MS = 2500;
/** The trickle goes on until answers have been flowing again for this long (or MAX_SECONDS passed). */
const AFTER_RECOVERY_MS = 2000;
const MAX_SECONDS = 40;

interface Sent {
  from: string;
  text: string;
  at: number;
  status: number;
}

describeWithRedisServer('a Sentinel failover under a 20 msg/s trickle', () => {
  let set: SentinelSet;
  let baton: TestBaton;
  const sent: Sent[] = [];
  let killedAt = 0;
  /** When a sentinel announced the new master (+switch-master), to tell Sentinel's time from Baton's. */
  let switchedAt = 0;
  let watcher: Redis | undefined;

  beforeAll(async () => {
    set = await startSentinelSet();
    watcher = new Redis({ host: set.sentinels[0]!.host, port: set.sentinels[0]!.port });
    watcher.on('error', () => undefined);
    await watcher.subscribe('+switch-master');
    watcher.on('message', () => {
      switchedAt ||= Date.now();
    });
    baton = await startTestBaton({
      prefix: 'baton-sentinel:',
      env: {
        REDIS_SENTINELS: set.sentinels.map((s) => `${s.host}:${s.port}`).join(','),
        REDIS_SENTINEL_NAME: set.name,
        REDIS_COMMAND_TIMEOUT_MS: '1000',
        SANDBOX_ENABLED: 'true',
      },
    });

    const customers = 10;
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    let recoveredAt = 0;
    for (let i = 0; i < RATE_PER_SECOND * MAX_SECONDS; i++) {
      if (recoveredAt && Date.now() - recoveredAt > AFTER_RECOVERY_MS) break;
      const due = started + (i * 1000) / RATE_PER_SECOND;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      if (!killedAt && Date.now() - started >= KILL_AT_MS) {
        killedAt = Date.now();
        void set.master.kill();
      }
      const item: Sent = { from: `trickle-${i % customers}`, text: `what are your store timings ${i}`, at: Date.now(), status: 0 };
      sent.push(item);
      inFlight.push(
        fetch(`${baton.url}/sandbox/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ from: item.from, text: item.text, messageId: `m-${i}`, wait: 0 }),
          signal: AbortSignal.timeout(10_000),
        })
          .then((res) => {
            item.status = res.status;
            if (killedAt && item.at > killedAt + 1000 && res.status < 300 && !recoveredAt) recoveredAt = Date.now();
          })
          .catch(() => {
            item.status = -1;
          }),
      );
    }
    await Promise.all(inFlight);
  }, 120_000);

  afterAll(async () => {
    watcher?.disconnect();
    await baton?.close().catch(() => undefined);
    await set?.stop();
    cleanRedisDirs();
  });

  it('fails the master over to the replica', async () => {
    expect(await set.currentMasterPort()).toBe(set.replica.port);
  });

  it('answers again within 15 s of the kill', () => {
    const firstAckAfterKill = sent.find((s) => s.at > killedAt + 1000 && s.status > 0 && s.status < 300);
    expect(firstAckAfterKill).toBeDefined();
    const answeredAfter = firstAckAfterKill!.at - killedAt;
    if (answeredAfter >= 15_000) {
      const sentinelPart = switchedAt ? `the sentinels switched master ${switchedAt - killedAt} ms after it` : 'the sentinels never announced a switch';
      throw new Error(`answered again ${answeredAfter} ms after the kill; ${sentinelPart}`);
    }
  });

  it('answers every message it acknowledged', async () => {
    const acked = sent.filter((s) => s.status > 0 && s.status < 300);
    expect(acked.length).toBeGreaterThan(RATE_PER_SECOND * 2);
    const unanswered = async () => {
      const missing: string[] = [];
      const byCustomer = new Map<string, Sent[]>();
      for (const s of acked) byCustomer.set(s.from, [...(byCustomer.get(s.from) ?? []), s]);
      for (const [from, items] of byCustomer) {
        const res = await fetch(`${baton.url}/sandbox/conversations/${from}`);
        const body = res.ok ? ((await res.json()) as { messages: { direction: string; text?: string }[] }) : { messages: [] };
        const inbound = body.messages.filter((m) => m.direction === 'inbound').map((m) => m.text);
        for (const s of items) if (!inbound.includes(s.text)) missing.push(s.text);
        const outbound = body.messages.filter((m) => m.direction === 'outbound').length;
        if (outbound < items.length) missing.push(`${from}: ${outbound} replies for ${items.length} messages`);
      }
      return missing;
    };
    const until = Date.now() + 45_000;
    let missing = await unanswered();
    while (missing.length && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      missing = await unanswered();
    }
    expect(missing).toEqual([]);
  });

  it('is ready at the end', async () => {
    const res = await fetch(`${baton.url}/readyz`);
    expect(res.status).toBe(200);
  });
});
