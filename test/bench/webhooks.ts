/**
 * `npm run bench:webhooks`: the real server process (`node dist/main.js`) on a real Redis, answering
 * SIGNED WhatsApp webhooks from many simulated customers; replies go to a fake Twilio REST API in this
 * process, which timestamps them. Prints a Markdown table against the targets.
 *
 * Load model: OPEN loop by default. Messages are offered at a fixed rate (BENCH_RATE, default 1,000/s),
 * round-robin over BENCH_CUSTOMERS customers (default 200, so each customer writes every 200 ms),
 * whatever the server's state: a slow server sees its lanes and latencies grow instead of being
 * throttled by its own slowness (a closed loop hides that: with 200 customers waiting for their reply
 * before writing again, Little's law makes 1,000 msg/s imply a 200 ms mean latency, whatever the
 * server does). BENCH_MODE=closed runs the closed loop instead (each customer writes again as soon as
 * its reply arrived), which measures the maximum throughput at that concurrency.
 *
 * Latency = webhook POST started → reply received by the fake Twilio. Per customer, replies are matched
 * to messages in order (a customer's lane is FIFO and every text used gets exactly one reply).
 * Lost = no reply by the end of the run + grace; answered twice = more replies than messages.
 *
 * Env: BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_RATE, BENCH_CUSTOMERS, BENCH_SECONDS (20),
 * BENCH_WARMUP_SECONDS (3), BENCH_GRACE_SECONDS (5), BENCH_MODE (open|closed),
 * BENCH_CPU_PROF=1 (writes the server's CPU profile to /tmp/baton-bench-prof),
 * BENCH_WORKERS (default 1: the server's WEB_CONCURRENCY, worker processes sharing the port),
 * BENCH_CRM=1 (CRM enrichment on, against the demo CRM in this process: every customer's first
 * message calls it, so its cost shows next to a run without it).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { ServerResponse } from 'node:http';
import { signTwilioRequest } from '../fixtures/twilio/sign';
import { TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeTwilioApi, type RecordedRequest } from '../support/fakePlatforms';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { whatsappTextBody } from '../support/webhookBodies';
import Redis from 'ioredis';
import { startDemoCrm } from '../../src/demo/demoCrm';

const num = (name: string, def: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? def : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
};

const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const RATE = num('BENCH_RATE', 1000);
const CUSTOMERS = Math.round(num('BENCH_CUSTOMERS', 200));
const SECONDS = num('BENCH_SECONDS', 20);
const WARMUP = num('BENCH_WARMUP_SECONDS', 3);
const GRACE = num('BENCH_GRACE_SECONDS', 5);
const MODE = process.env.BENCH_MODE === 'closed' ? 'closed' : 'open';
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const WORKERS = Math.round(num('BENCH_WORKERS', 1));
const WITH_CRM = process.env.BENCH_CRM === '1';
const CRM_SECRET = 'bench-crm-secret-0123456789';

/** Texts that each get exactly one reply, whatever came before in the conversation (checked by this bench: see "answered twice"). */
const TEXTS = [
  'What time does the store open?',
  'Do you deliver to Pune?',
  'Do you have cash on delivery?',
  'How do I return an item?',
  'thanks',
  'What are your store hours?',
];

/** The fake Twilio, telling us who each reply was for and when it arrived. */
class TimedTwilioApi extends FakeTwilioApi {
  onReply: (to: string, at: number) => void = () => {};
  protected override handle(rec: RecordedRequest, res: ServerResponse): void {
    super.handle(rec, res);
    if (rec.method === 'POST' && rec.path.endsWith('/Messages.json')) this.onReply(rec.form?.get('To') ?? '', rec.at);
  }
}

interface Customer {
  address: string;
  sent: number;
  /** Send times of messages not answered yet, oldest first, and whether each is measured. */
  pending: { at: number; measured: boolean }[];
  twice: number;
}

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * User+system CPU seconds a process and its live children (cluster workers) have used so far
 * (Linux /proc), or NaN elsewhere.
 */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const own = statFields(pid);
  if (!own) return NaN;
  let ticks = Number(own[11]) + Number(own[12]); // utime, stime in clock ticks (USER_HZ = 100)
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (f && Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]); // field 4: ppid
  }
  return ticks / 100;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  ensureBuild();
  const prefix = `baton-bench:${randomBytes(4).toString('hex')}:`;
  const twilio = await new TimedTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  twilio.quiet = true;

  let server: ServerProcess | undefined;
  const crm = WITH_CRM ? await startDemoCrm({ secret: CRM_SECRET }) : undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  try {
    server = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        SANDBOX_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
        TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
        TWILIO_API_URL: twilio.url,
        WEB_CONCURRENCY: String(WORKERS),
        ...(crm ? { CRM_ENRICHMENT_URL: crm.url, CRM_ENRICHMENT_SECRET: CRM_SECRET } : {}),
      },
      nodeArgs: CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/baton-bench-prof'] : [],
      readyTimeoutMs: 120_000,
    });
    const webhookUrl = `${server.url}/webhooks/twilio`;
    const target = new URL(webhookUrl);

    const customers: Customer[] = Array.from({ length: CUSTOMERS }, (_, i) => ({
      address: `whatsapp:+9190${String(10_000_000 + i)}`,
      sent: 0,
      pending: [],
      twice: 0,
    }));
    const byAddress = new Map(customers.map((c) => [c.address, c]));
    const latencies: number[] = [];
    let measuredSent = 0;
    let measuredAnswered = 0;
    let totalSent = 0;
    let totalReplies = 0;
    let httpErrors = 0;
    let strayReplies = 0;
    let firstHttpError = '';

    const t0 = performance.now() + performance.timeOrigin;
    const measureFrom = t0 + WARMUP * 1000;
    const measureUntil = measureFrom + SECONDS * 1000;
    let sending = true;
    let cpuAtStart = NaN;
    let cpuAtEnd = NaN;
    setTimeout(() => (cpuAtStart = cpuSeconds(server?.child.pid)), measureFrom - Date.now());
    setTimeout(() => (cpuAtEnd = cpuSeconds(server?.child.pid)), measureUntil - Date.now());

    function send(c: Customer): void {
      const now = Date.now();
      const measured = now >= measureFrom && now < measureUntil;
      const text = TEXTS[(c.sent + customers.indexOf(c)) % TEXTS.length]!;
      const body = whatsappTextBody({ from: c.address, messageSid: `SM${randomBytes(16).toString('hex')}`, text, profileName: 'Bench Customer' });
      const signature = signTwilioRequest(TWILIO_TEST_CONFIG.authToken, webhookUrl, body);
      c.sent++;
      totalSent++;
      if (measured) measuredSent++;
      c.pending.push({ at: now, measured });
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            'x-twilio-signature': signature,
          },
        },
        (res) => {
          if (res.statusCode !== 200) {
            httpErrors++;
            firstHttpError ||= `HTTP ${res.statusCode}`;
          }
          res.resume();
        },
      );
      req.on('error', (err) => {
        httpErrors++;
        firstHttpError ||= err.message;
      });
      req.end(body);
    }

    twilio.onReply = (to, at) => {
      totalReplies++;
      const c = byAddress.get(to);
      if (!c) {
        strayReplies++;
        return;
      }
      const m = c.pending.shift();
      if (!m) {
        c.twice++;
        return;
      }
      if (m.measured) {
        measuredAnswered++;
        latencies.push(at - m.at);
      }
      if (MODE === 'closed' && sending) setImmediate(() => send(c));
    };

    const end = measureUntil;
    if (MODE === 'closed') {
      customers.forEach((c, i) => setTimeout(() => send(c), (i * 1000) / RATE));
      await new Promise((r) => setTimeout(r, end - Date.now()));
      sending = false;
    } else {
      let next = 0;
      const started = Date.now();
      await new Promise<void>((resolve) => {
        const tick = setInterval(() => {
          const now = Date.now();
          if (now >= end) {
            clearInterval(tick);
            resolve();
            return;
          }
          const due = Math.floor(((now - started) * RATE) / 1000);
          while (totalSent < due) {
            send(customers[next]!);
            next = (next + 1) % customers.length;
          }
        }, 1);
      });
      sending = false;
    }

    const graceUntil = Date.now() + GRACE * 1000;
    while (Date.now() < graceUntil && customers.some((c) => c.pending.length > 0)) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300)); // late duplicates, if any

    const lost = customers.reduce((n, c) => n + c.pending.length, 0);
    const twice = customers.reduce((n, c) => n + c.twice, 0) + strayReplies;
    latencies.sort((a, b) => a - b);
    const throughput = measuredAnswered / SECONDS;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);

    const rows: { metric: string; value: string; target: string; status: string }[] = [
      {
        metric: 'Messages answered per second (measured window)',
        value: throughput.toFixed(0),
        target: '≥ 1000',
        status: throughput >= 1000 ? 'target met' : `target missed by ${(1000 - throughput).toFixed(0)} msg/s`,
      },
      { metric: 'p50 webhook → reply at Twilio', value: `${p50.toFixed(1)} ms`, target: '—', status: '—' },
      {
        metric: 'p99 webhook → reply at Twilio',
        value: `${p99.toFixed(1)} ms`,
        target: '< 100 ms',
        status: p99 < 100 ? 'target met' : `target missed by ${(p99 - 100).toFixed(1)} ms`,
      },
      {
        metric: 'Server CPU per answered message (measured window)',
        value: `${(((cpuAtEnd - cpuAtStart) * 1000) / Math.max(1, measuredAnswered)).toFixed(2)} ms`,
        target: '—',
        status: '—',
      },
      { metric: 'Messages sent (total, incl. warm-up)', value: String(totalSent), target: '—', status: '—' },
      { metric: 'Replies received (total)', value: String(totalReplies), target: '—', status: '—' },
      { metric: 'Lost (no reply by end + grace)', value: String(lost), target: '0', status: lost === 0 ? 'target met' : `target missed by ${lost}` },
      { metric: 'Answered twice', value: String(twice), target: '0', status: twice === 0 ? 'target met' : `target missed by ${twice}` },
      { metric: 'Webhook errors (non-200 / network)', value: String(httpErrors), target: '0', status: httpErrors === 0 ? 'target met' : `target missed by ${httpErrors} (${firstHttpError})` },
    ];

    const cmd = [
      ...Object.entries(process.env)
        .filter(([k]) => k.startsWith('BENCH_'))
        .map(([k, v]) => `${k}=${v}`),
      'npm run bench:webhooks',
    ].join(' ');
    console.log(
      `\n## Webhook benchmark (${MODE} loop${MODE === 'open' ? ` at ${RATE} msg/s offered` : ''}, ${CUSTOMERS} customers, ` +
        `${SECONDS} s measured after ${WARMUP} s warm-up, ${WORKERS} server process${WORKERS > 1 ? 'es' : ''}, Redis ${REDIS_URL})\n`,
    );
    console.log('| Metric | Value | Target | Status |');
    console.log('|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.target} | ${r.status} |`);
    console.log(`\nMeasured messages: ${measuredSent} sent, ${measuredAnswered} answered. Command: \`${cmd}\``);
  } finally {
    agent.destroy();
    if (crm) {
      console.log(`\nCRM enrichment on: the demo CRM answered ${crm.requests.length} signed requests (${crm.refused} refused).`);
      await crm.close();
    }
    if (server) {
      const code = await server.stop('SIGTERM', 20_000);
      if (code !== 0) console.error(`server exited with ${code}:\n${server.output().slice(-4000)}`);
      else if (/"level":"(error|warn)"/.test(server.output())) console.error(`server warnings:\n${server.output().slice(-3000)}`);
    }
    await twilio.stop();
    await deletePrefix(REDIS_URL, prefix);
  }
}

async function deletePrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
