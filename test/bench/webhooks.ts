/**
 * `npm run bench:webhooks`: signed webhooks from many simulated customers against real server
 * processes, replies timed at fake platform APIs in this process. In ONE invocation it runs, one
 * after the other, on the same load:
 * - `anchor`: the least a bot can do with the same libraries (test/bench/anchor.ts: Express parses
 *   the form, twilio-node checks the signature and sends a fixed reply; no store, no bot, no order);
 * - `whatsapp`: Baton (`node dist/main.js`) on a real Redis, signed Twilio WhatsApp webhooks;
 * - `whatsapp-crm` (with BENCH_CRM=1): the same against a second Baton with CRM enrichment on (the
 *   demo CRM in this process; every customer's first message calls it), right after `whatsapp`;
 * - `messenger`: Baton, signed Messenger webhooks whose entries are batched as Meta batches them
 *   (the customers ready at the same moment share one POST, up to BENCH_MESSENGER_BATCH);
 * - `messenger-anchor`: the anchor on the same Messenger load;
 * - `mixed`: Baton on WhatsApp where about one message in ten asks for a person: the conversation
 *   escalates, an agent in this process (the agent API, bearer token) claims it, replies and hands it
 *   back to the bot, and only then does that customer write again.
 * Prints replies/s, p50/p99 and server CPU per message for each run, the ratios to the anchor, and
 * for every run the messages lost and answered twice (both must be 0).
 *
 * Load model: CLOSED loop by default: each of BENCH_CUSTOMERS (64) customers writes again as soon as
 * its reply arrived, so the figure is the most the server answers at that concurrency. BENCH_MODE=open
 * offers BENCH_RATE messages/s whatever the server does instead (the mixed run is skipped there).
 *
 * Latency = webhook POST started → reply received by the fake platform. Per customer, replies are
 * matched to messages in order (a customer's lane is FIFO and every text used gets exactly one reply).
 * Lost = no reply by the end of the run + grace; answered twice = more replies than messages.
 *
 * Env: BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_RUNS (anchor,whatsapp,messenger-anchor,messenger,mixed),
 * BENCH_CUSTOMERS (64), BENCH_SECONDS per run (15), BENCH_WARMUP_SECONDS (3), BENCH_GRACE_SECONDS (5),
 * BENCH_MODE (closed|open), BENCH_RATE (open loop, 1,000/s), BENCH_MESSENGER_BATCH (8),
 * BENCH_ESCALATE_EVERY (10: the mixed run's share of escalations is one in this many),
 * BENCH_WORKERS (1: Baton's WEB_CONCURRENCY), BENCH_CRM=1 (adds `whatsapp-crm`),
 * BENCH_CPU_PROF=1 (Baton's CPU profiles go to /tmp/baton-bench-prof), BENCH_NODE_ARGS (more node options for
 * Baton's processes, split on spaces, e.g. `--require /tmp/allocProfile.js`),
 * BENCH_BATON_B (a second Baton build, e.g. `dist-b/main.js` copied from another commit's dist/:
 * the run `whatsapp-b` is the `whatsapp` run against it, so BENCH_RUNS=whatsapp,whatsapp-b,whatsapp,whatsapp-b
 * compares two builds in one invocation, on the same machine load). Runs joined by `+` go at the
 * same time, each with its own BENCH_CUSTOMERS: BENCH_RUNS=whatsapp+whatsapp-b loads both builds at
 * once, so both meet the same machine load moment by moment (the fairest A/B on a shared machine).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { ServerResponse } from 'node:http';
import Redis from 'ioredis';
import { signTwilioRequest } from '../fixtures/twilio/sign';
import { TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import { FakeGraphApi, FakeTwilioApi, type RecordedRequest } from '../support/fakePlatforms';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { MESSENGER_TEST_ENV } from '../support/testBaton';
import { whatsappTextBody } from '../support/webhookBodies';
import { signMessengerBody } from '../../src/channels/messenger/verifySignature';
import { startDemoCrm } from '../../src/demo/demoCrm';

const num = (name: string, def: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? def : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
};

const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const RATE = num('BENCH_RATE', 1000);
const CUSTOMERS = Math.round(num('BENCH_CUSTOMERS', 64));
const SECONDS = num('BENCH_SECONDS', 15);
const WARMUP = num('BENCH_WARMUP_SECONDS', 3);
const GRACE = num('BENCH_GRACE_SECONDS', 5);
const MODE = process.env.BENCH_MODE === 'open' ? 'open' : 'closed';
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
const WORKERS = Math.round(num('BENCH_WORKERS', 1));
const WITH_CRM = process.env.BENCH_CRM === '1';
const BATON_B = process.env.BENCH_BATON_B || '';
const MESSENGER_BATCH = Math.round(num('BENCH_MESSENGER_BATCH', 8));
const ESCALATE_EVERY = Math.round(num('BENCH_ESCALATE_EVERY', 10));
const CRM_SECRET = 'bench-crm-secret-0123456789';
const ADMIN = { email: 'bench-agent@example.com', password: 'bench-agent-password-7f3k' };
const PAGE_ID = '107548231234567';

type RunName = 'anchor' | 'whatsapp' | 'whatsapp-b' | 'whatsapp-crm' | 'messenger-anchor' | 'messenger' | 'mixed';
const RUN_NAMES: RunName[] = ['anchor', 'whatsapp', 'whatsapp-b', 'whatsapp-crm', 'messenger-anchor', 'messenger', 'mixed'];
/** The runs in order; the runs of one step go at the same time. */
const steps: RunName[][] = (() => {
  const asked = (process.env.BENCH_RUNS || 'anchor,whatsapp,messenger-anchor,messenger,mixed').split(',').map((s) => s.trim());
  for (const r of asked.flatMap((s) => s.split('+'))) if (!RUN_NAMES.includes(r as RunName)) throw new Error(`BENCH_RUNS: unknown run "${r}" (known: ${RUN_NAMES.join(', ')})`);
  if (asked.some((s) => s.includes('+') && new Set(s.split('+')).size !== s.split('+').length)) throw new Error('BENCH_RUNS: a run can go only once in a step joined by +');
  if (asked.some((s) => s.includes('+') && s.includes('mixed'))) throw new Error('BENCH_RUNS: the mixed run goes on its own (its agent reads every queued conversation)');
  if (asked.includes('whatsapp-b') && !BATON_B) throw new Error('BENCH_RUNS: the run "whatsapp-b" needs BENCH_BATON_B (the second build\'s main.js, relative to the repository)');
  if (WITH_CRM && !asked.includes('whatsapp-crm')) asked.splice(asked.includes('whatsapp') ? asked.indexOf('whatsapp') + 1 : asked.length, 0, 'whatsapp-crm');
  return asked.filter((r) => !(r === 'mixed' && MODE === 'open')).map((s) => s.split('+') as RunName[]);
})();
const runs: RunName[] = steps.flat();

/** Texts that each get exactly one reply, whatever came before in the conversation (checked by this bench: see "answered twice"). */
const TEXTS = [
  'What time does the store open?',
  'Do you deliver to Pune?',
  'Do you have cash on delivery?',
  'How do I return an item?',
  'thanks',
  'What are your store hours?',
];
const ESCALATION_TEXT = 'I want to speak to an agent';
const AGENT_TEXT = 'Hello, this is Asha from the care team. I have your order in front of me.';

// ---------------------------------------------------------------- fakes that tell who each reply was for

type OnReply = (to: string, body: string, at: number) => void;

class TimedTwilioApi extends FakeTwilioApi {
  onReply: OnReply = () => {};
  protected override handle(rec: RecordedRequest, res: ServerResponse): void {
    super.handle(rec, res);
    if (rec.method === 'POST' && rec.path.endsWith('/Messages.json')) this.onReply(rec.form?.get('To') ?? '', rec.form?.get('Body') ?? '', rec.at);
  }
}

class TimedGraphApi extends FakeGraphApi {
  onReply: OnReply = () => {};
  protected override handle(rec: RecordedRequest, res: ServerResponse): void {
    super.handle(rec, res);
    const json = rec.json as { recipient?: { id?: string }; message?: { text?: string } } | undefined;
    if (rec.method === 'POST' && rec.path.includes('/me/messages') && json?.message) this.onReply(json.recipient?.id ?? '', json.message.text ?? '', rec.at);
  }
}

// ---------------------------------------------------------------- CPU of a process tree (Linux /proc)

function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** User+system CPU seconds a process and its live children (cluster workers) have used so far, or NaN. */
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

// ---------------------------------------------------------------- one run

interface Target {
  server: ServerProcess;
  channel: 'whatsapp' | 'messenger';
  /** The mixed run: escalations answered by an agent through the API with this bearer token. */
  agentToken?: string;
}

interface Customer {
  index: number;
  /** Twilio `whatsapp:+…` or a Messenger PSID. */
  address: string;
  sent: number;
  /** Messages not answered yet, oldest first: when sent, whether measured, whether it asked for a person. */
  pending: { at: number; measured: boolean; escalation: boolean }[];
  twice: number;
  /** Mixed run: an escalation answered by the bot, waiting for the agent's reply and the hand-back. */
  withAgent?: { since: number; agentReplied: boolean; handedBack: boolean };
}

interface RunResult {
  name: RunName;
  answeredPerSecond: number;
  p50: number;
  p99: number;
  cpuMsPerMessage: number;
  measuredSent: number;
  measuredAnswered: number;
  totalSent: number;
  totalReplies: number;
  lost: number;
  twice: number;
  httpErrors: number;
  firstHttpError: string;
  notes: string[];
}

/** Replies by the customer they are for: each run routes its customers' replies to itself. */
const replyRoutes = new Map<string, OnReply>();
/** Where a reply for no known customer goes (the run started last counts it as answered twice). */
let strayRoute: OnReply = () => {};
const routeReply: OnReply = (to, body, at) => (replyRoutes.get(to) ?? strayRoute)(to, body, at);

function post(agent: http.Agent, url: URL, headers: Record<string, string | number>, body: string, onError: (why: string) => void): void {
  const req = http.request(
    { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
    (res) => {
      if (res.statusCode !== 200) onError(`HTTP ${res.statusCode}`);
      res.resume();
    },
  );
  req.on('error', (err) => onError(err.message));
  req.end(body);
}

async function api<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function runLoad(name: RunName, target: Target, twilio: TimedTwilioApi, graph: TimedGraphApi, runIndex: number): Promise<RunResult> {
  const mixed = target.agentToken !== undefined;
  /** The load generator's connections: a fresh pool per run, so no run reuses another's idle sockets. */
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const customers: Customer[] = Array.from({ length: CUSTOMERS }, (_, i) => ({
    index: i,
    address:
      target.channel === 'whatsapp'
        ? `whatsapp:+91${90 + runIndex}${String(10_000_000 + i)}`
        : `${60 + runIndex}${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0')}${String(i).padStart(4, '0')}`,
    sent: 0,
    pending: [],
    twice: 0,
  }));
  const byAddress = new Map(customers.map((c) => [c.address, c]));
  const latencies: number[] = [];
  const agentLatencies: number[] = [];
  let measuredSent = 0;
  let measuredAnswered = 0;
  let totalSent = 0;
  let totalReplies = 0;
  let httpErrors = 0;
  let strayReplies = 0;
  let firstHttpError = '';
  let escalations = 0;
  let agentReplies = 0;
  let notices = 0;
  let agentErrors = 0;
  let firstAgentError = '';

  const t0 = Date.now();
  const measureFrom = t0 + WARMUP * 1000;
  const measureUntil = measureFrom + SECONDS * 1000;
  let sending = true;
  let cpuAtStart = NaN;
  let cpuAtEnd = NaN;
  const pid = target.server.child.pid;
  const cpuStart = setTimeout(() => (cpuAtStart = cpuSeconds(pid)), measureFrom - Date.now());
  const cpuEnd = setTimeout(() => (cpuAtEnd = cpuSeconds(pid)), measureUntil - Date.now());
  const httpError = (why: string) => {
    httpErrors++;
    firstHttpError ||= why;
  };

  const webhookUrl = new URL(`${target.server.url}/webhooks/${target.channel === 'whatsapp' ? 'twilio' : 'messenger'}`);
  let batch: { psid: string; mid: string; text: string; at: number }[] = [];
  let flushScheduled = false;
  const flushMessenger = () => {
    flushScheduled = false;
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    const body = JSON.stringify({
      object: 'page',
      entry: events.map((e) => ({
        id: PAGE_ID,
        time: e.at,
        messaging: [{ sender: { id: e.psid }, recipient: { id: PAGE_ID }, timestamp: e.at, message: { mid: e.mid, text: e.text } }],
      })),
    });
    post(agent, webhookUrl, { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) }, body, httpError);
  };

  function send(c: Customer): void {
    const now = Date.now();
    const measured = now >= measureFrom && now < measureUntil;
    const escalation = mixed && (c.sent + c.index) % ESCALATE_EVERY === 0 && c.sent > 0;
    const text = escalation ? ESCALATION_TEXT : TEXTS[(c.sent + c.index) % TEXTS.length]!;
    c.sent++;
    totalSent++;
    if (measured) measuredSent++;
    c.pending.push({ at: now, measured, escalation });
    if (escalation) escalations++;
    if (target.channel === 'whatsapp') {
      const url = webhookUrl.toString();
      const body = whatsappTextBody({ from: c.address, messageSid: `SM${randomBytes(16).toString('hex')}`, text, profileName: 'Bench Customer' });
      post(agent, webhookUrl, { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) }, body, httpError);
      return;
    }
    batch.push({ psid: c.address, mid: `m_${randomBytes(16).toString('hex')}`, text, at: now });
    if (batch.length >= MESSENGER_BATCH) flushMessenger();
    else if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushMessenger);
    }
  }

  /** The customer writes again once everything it waits for came (closed loop). */
  const next = (c: Customer) => {
    if (MODE === 'closed' && sending && c.pending.length === 0 && !c.withAgent) setImmediate(() => send(c));
  };

  /** Customers the agent handed back before their escalating message was seen answered. */
  const handedBack = new Set<string>();
  const onReply: OnReply = (to, body, at) => {
    totalReplies++;
    const c = byAddress.get(to);
    if (!c) {
      strayReplies++;
      return;
    }
    if (c.withAgent) {
      if (body === AGENT_TEXT) {
        if (c.withAgent.agentReplied) c.twice++;
        c.withAgent.agentReplied = true;
        agentReplies++;
        agentLatencies.push(at - c.withAgent.since);
        if (c.withAgent.handedBack) {
          c.withAgent = undefined;
          next(c);
        }
      } else notices++; // queue position and the like, while a person has the conversation
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
    if (m.escalation) {
      // The person may answer first: when the agent claims before the bot's "a person is coming"
      // notice goes out, the notice is dropped (the owner changed) and the agent's reply is the
      // first answer to the escalating message.
      const agentFirst = body === AGENT_TEXT;
      if (agentFirst) {
        agentReplies++;
        agentLatencies.push(at - m.at);
      }
      c.withAgent = { since: m.at, agentReplied: agentFirst, handedBack: false };
      if (agentFirst && handedBack.delete(c.address)) c.withAgent = undefined;
    }
    next(c);
  };
  for (const c of customers) replyRoutes.set(c.address, onReply);
  strayRoute = onReply;
  twilio.onReply = routeReply;
  graph.onReply = routeReply;

  // The agent: takes every queued conversation of this run, replies, gives it back to the bot.
  const inHand = new Set<string>();
  let agentRunning = mixed;
  const agentLoop = (async () => {
    while (agentRunning) {
      try {
        const { items } = await api<{ items: { id: string; customer: { address: string } }[] }>(target.server.url, target.agentToken!, 'GET', '/conversations?status=queued&limit=500');
        for (const item of items) {
          const c = byAddress.get(item.customer.address);
          if (!c || inHand.has(item.id)) continue;
          inHand.add(item.id);
          void (async () => {
            try {
              await api(target.server.url, target.agentToken!, 'POST', `/conversations/${item.id}/claim`);
              await api(target.server.url, target.agentToken!, 'POST', `/conversations/${item.id}/messages`, { text: AGENT_TEXT });
              await api(target.server.url, target.agentToken!, 'POST', `/conversations/${item.id}/handback`);
              if (c.withAgent) {
                c.withAgent.handedBack = true;
                if (c.withAgent.agentReplied) {
                  c.withAgent = undefined;
                  next(c);
                }
              } else handedBack.add(c.address); // handed back before its escalation was seen answered
            } catch (err) {
              agentErrors++;
              firstAgentError ||= (err as Error).message;
            } finally {
              inHand.delete(item.id);
            }
          })();
        }
      } catch (err) {
        agentErrors++;
        firstAgentError ||= (err as Error).message;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  if (MODE === 'closed') {
    customers.forEach((c, i) => setTimeout(() => send(c), (i * 1000) / RATE));
    await new Promise((r) => setTimeout(r, measureUntil - Date.now()));
  } else {
    let nextIndex = 0;
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = Date.now();
        if (now >= measureUntil) {
          clearInterval(tick);
          resolve();
          return;
        }
        const due = Math.floor(((now - started) * RATE) / 1000);
        while (totalSent < due) {
          send(customers[nextIndex]!);
          nextIndex = (nextIndex + 1) % customers.length;
        }
      }, 1);
    });
  }
  sending = false;
  flushMessenger();

  const graceUntil = Date.now() + GRACE * 1000;
  while (Date.now() < graceUntil && customers.some((c) => c.pending.length > 0 || (c.withAgent && !(c.withAgent.agentReplied && c.withAgent.handedBack)))) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 300)); // late duplicates, if any
  agentRunning = false;
  await agentLoop;
  clearTimeout(cpuStart);
  clearTimeout(cpuEnd);
  // Replies still to come for this run's customers are strays of whatever runs next.
  for (const c of customers) replyRoutes.delete(c.address);
  agent.destroy();

  const lostEscalations = customers.filter((c) => c.withAgent && !c.withAgent.agentReplied).length;
  const lost = customers.reduce((n, c) => n + c.pending.length, 0) + lostEscalations;
  const twice = customers.reduce((n, c) => n + c.twice, 0) + strayReplies;
  latencies.sort((a, b) => a - b);
  agentLatencies.sort((a, b) => a - b);
  const notes: string[] = [];
  if (target.channel === 'messenger') notes.push(`webhook POSTs carry up to ${MESSENGER_BATCH} entries`);
  if (mixed) {
    notes.push(
      `${escalations} escalations (${((100 * escalations) / Math.max(1, totalSent)).toFixed(1)}% of messages), ${agentReplies} agent replies received` +
        ` (escalation → agent reply p50 ${percentile(agentLatencies, 50).toFixed(0)} ms), ${notices} system notices while with the agent` +
        (agentErrors ? `, ${agentErrors} agent API errors (${firstAgentError})` : ''),
    );
  }
  return {
    name,
    answeredPerSecond: measuredAnswered / SECONDS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerMessage: ((cpuAtEnd - cpuAtStart) * 1000) / Math.max(1, measuredAnswered),
    measuredSent,
    measuredAnswered,
    totalSent,
    totalReplies,
    lost,
    twice,
    httpErrors,
    firstHttpError,
    notes,
  };
}

// ---------------------------------------------------------------- servers and the report

async function main(): Promise<void> {
  ensureBuild();
  const prefixes: string[] = [];
  const twilio = await new TimedTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  const graph = await new TimedGraphApi().start();
  twilio.quiet = true;
  graph.quiet = true;
  const platformEnv = {
    TWILIO_ACCOUNT_SID: TWILIO_TEST_CONFIG.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO_TEST_CONFIG.authToken,
    TWILIO_WHATSAPP_NUMBER: TWILIO_TEST_CONFIG.whatsappNumber,
    TWILIO_API_URL: twilio.url,
    ...MESSENGER_TEST_ENV,
    META_GRAPH_URL: graph.url,
  };
  const crm = runs.includes('whatsapp-crm') ? await startDemoCrm({ secret: CRM_SECRET }) : undefined;
  const servers = new Map<string, ServerProcess>();
  const started: ServerProcess[] = [];

  const startBaton = async (withCrm: boolean, script?: string): Promise<ServerProcess> => {
    const prefix = `baton-bench:${randomBytes(4).toString('hex')}:`;
    prefixes.push(prefix);
    const s = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        SANDBOX_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        ...platformEnv,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        WEB_CONCURRENCY: String(WORKERS),
        ...(withCrm && crm ? { CRM_ENRICHMENT_URL: crm.url, CRM_ENRICHMENT_SECRET: CRM_SECRET } : {}),
      },
      nodeArgs: [...(CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/baton-bench-prof'] : []), ...NODE_ARGS],
      ...(script ? { script } : {}),
      readyTimeoutMs: 120_000,
    });
    started.push(s);
    return s;
  };
  const serverFor = async (run: RunName): Promise<ServerProcess> => {
    const key = run === 'anchor' || run === 'messenger-anchor' ? 'anchor' : run === 'whatsapp-crm' ? 'baton-crm' : run === 'whatsapp-b' ? 'baton-b' : 'baton';
    let s = servers.get(key);
    if (!s) {
      s =
        key === 'anchor'
          ? await startServerProcess({ env: platformEnv, script: 'test/bench/anchor.ts', nodeArgs: ['--require', 'tsx/cjs'], readyTimeoutMs: 60_000 })
          : await startBaton(key === 'baton-crm', key === 'baton-b' ? BATON_B : undefined);
      if (key === 'anchor') started.push(s);
      servers.set(key, s);
    }
    return s;
  };

  const results: RunResult[] = [];
  try {
    let i = 0;
    for (const step of steps) {
      const loads: Promise<RunResult>[] = [];
      const stepServers = new Map<RunName, ServerProcess>();
      for (const run of step) stepServers.set(run, await serverFor(run)); // all up before any load starts
      for (const run of step) {
        const server = stepServers.get(run)!;
        let agentToken: string | undefined;
        if (run === 'mixed') {
          const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
          if (!res.ok) throw new Error(`agent login failed: HTTP ${res.status} ${await res.text()}`);
          agentToken = ((await res.json()) as { token: string }).token;
        }
        const channel = run === 'messenger' || run === 'messenger-anchor' ? 'messenger' : 'whatsapp';
        loads.push(runLoad(run, { server, channel, agentToken }, twilio, graph, i++));
      }
      process.stderr.write(`bench:webhooks: ${step.join(' + ')} (${SECONDS} s after ${WARMUP} s warm-up)…\n`);
      results.push(...(await Promise.all(loads)));
    }
  } finally {
    for (const s of started) {
      const code = await s.stop('SIGTERM', 20_000);
      if (code !== 0 && code !== null) console.error(`a server exited with ${code}:\n${s.output().slice(-4000)}`);
      else if (/"level":"(error|warn)"/.test(s.output().replace(/[^\n]*(Messenger channel disabled|No agent exists yet|in-memory)[^\n]*/g, ''))) {
        console.error(`server warnings:\n${s.output().slice(-3000)}`);
      }
    }
    if (crm) {
      console.log(`\nCRM enrichment (whatsapp-crm): the demo CRM answered ${crm.requests.length} signed requests (${crm.refused} refused).`);
      await crm.close();
    }
    await twilio.stop();
    await graph.stop();
    for (const p of prefixes) await deletePrefix(REDIS_URL, p);
  }
  report(results);
}

function report(results: RunResult[]): void {
  const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
  const anchorOf = (r: RunResult) => results.find((a) => a.name === (r.name.startsWith('messenger') ? 'messenger-anchor' : 'anchor'));
  const cmd = [
    ...Object.entries(process.env)
      .filter(([k]) => k.startsWith('BENCH_'))
      .map(([k, v]) => `${k}=${v}`),
    'npm run bench:webhooks',
  ].join(' ');
  console.log(
    `\n## Webhook benchmark (${MODE} loop${MODE === 'open' ? ` at ${RATE} msg/s offered` : ''}, ${CUSTOMERS} customers, ` +
      `${SECONDS} s measured after ${WARMUP} s warm-up per run, ${WORKERS} Baton process${WORKERS > 1 ? 'es' : ''}, Redis ${REDIS_URL})\n`,
  );
  console.log('| Run | Replies/s | p50 | p99 | Server CPU per message | Lost | Answered twice | Webhook errors | vs its anchor: replies/s, p99, CPU |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const a = anchorOf(r);
    const vs =
      a && a !== r
        ? `${(r.answeredPerSecond / a.answeredPerSecond).toFixed(2)}×, ${(r.p99 / a.p99).toFixed(2)}×, ${(r.cpuMsPerMessage / a.cpuMsPerMessage).toFixed(2)}×`
        : '—';
    console.log(
      `| ${r.name} | ${r.answeredPerSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.cpuMsPerMessage.toFixed(2)} ms | **${r.lost}** | **${r.twice}** | ${r.httpErrors}${r.httpErrors ? ` (${r.firstHttpError})` : ''} | ${vs} |`,
    );
  }
  console.log('');
  for (const r of results) {
    console.log(`- ${r.name}: ${r.measuredSent} measured messages sent, ${r.measuredAnswered} answered; ${r.totalSent} sent and ${r.totalReplies} replies in all${r.notes.length ? `; ${r.notes.join('; ')}` : ''}.`);
  }
  const offRuns = results.filter((r) => r.name === 'whatsapp');
  const onRuns = results.filter((r) => r.name === 'whatsapp-crm');
  if (offRuns.length && onRuns.length) {
    // Runs of one server differ from each other by the machine's noise alone; CRM on is "unchanged"
    // when its runs fall inside the spread of the runs without it (alternate them: BENCH_RUNS=whatsapp,whatsapp-crm,whatsapp-crm,whatsapp).
    const list = (rs: RunResult[], f: (r: RunResult) => number, decimals = 0) => rs.map((r) => f(r).toFixed(decimals)).join(', ') + ' ms';
    const med = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    };
    const p99Off = offRuns.map((r) => r.p99);
    const p99On = onRuns.map((r) => r.p99);
    const inside = p99On.every((v) => v >= Math.min(...p99Off) && v <= Math.max(...p99Off));
    console.log(
      `\nCRM enrichment on vs off (same invocation, ${onRuns.length} run(s) on, ${offRuns.length} off):` +
        `\n- p99 on: ${list(onRuns, (r) => r.p99)} (median ${ms(med(p99On))}); off: ${list(offRuns, (r) => r.p99)} (median ${ms(med(p99Off))})` +
        `\n- p50 on: ${list(onRuns, (r) => r.p50)}; off: ${list(offRuns, (r) => r.p50)}` +
        `\n- CPU per message on: ${list(onRuns, (r) => r.cpuMsPerMessage, 2)}; off: ${list(offRuns, (r) => r.cpuMsPerMessage, 2)}` +
        (offRuns.length > 1 ? `\n- every CRM-on p99 ${inside ? 'falls inside' : 'falls OUTSIDE'} the spread of the CRM-off runs (${ms(Math.min(...p99Off))}–${ms(Math.max(...p99Off))})` : ''),
    );
  }
  const a = results.filter((r) => r.name === 'whatsapp');
  const b = results.filter((r) => r.name === 'whatsapp-b');
  if (a.length > 0 && b.length > 0) {
    const mean = (rs: RunResult[], f: (r: RunResult) => number) => rs.reduce((n, r) => n + f(r), 0) / rs.length;
    const line = (rs: RunResult[]) =>
      `${mean(rs, (r) => r.answeredPerSecond).toFixed(0)} replies/s, p99 ${ms(mean(rs, (r) => r.p99))}, CPU ${mean(rs, (r) => r.cpuMsPerMessage).toFixed(2)} ms per message`;
    console.log(`\nA/B (means over ${a.length} + ${b.length} runs): whatsapp (dist/main.js) ${line(a)}; whatsapp-b (${BATON_B}) ${line(b)}.`);
  }
  const bad = results.filter((r) => r.lost > 0 || r.twice > 0);
  console.log(`\n${bad.length === 0 ? '0 lost and 0 answered twice in every run.' : `LOST OR DOUBLED in: ${bad.map((r) => r.name).join(', ')}`} Command: \`${cmd}\``);
  if (bad.length > 0) process.exitCode = 1;
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
