import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { createDialogueBrain } from '../bot/dialogueBrain';
import type { ChannelSender, SendResult } from '../channels/types';
import type { Config } from '../config';
import type { ChannelName, Conversation } from '../conversations/types';
import { isBatonError } from '../errors';
import type { Agent, Team } from '../handoff/types';
import type { Logger } from '../logger';
import type { Catalog } from '../nlu/types';
import type { RedisConnection } from '../store/redisConnection';
import { createRuntime, type Runtime } from '../runtime';
import { planDemo, type DemoConversation, type DemoStep } from './seed/plan';

/**
 * `npm run seed:demo`: a realistic month on a Baton desk, played through the real services in time
 * order. Customers' messages go in through the inbound path (ingest → lanes → bot → handoff), agents
 * act through the agent API's service layer, survey answers are customer messages; every record is
 * stamped with the time of the fact by the runtime's clocks, so indexes and dashboard aggregates
 * fill themselves the way they do in production. Nothing writes Redis keys directly.
 */

/** The demo's password for every agent (printed with the logins). */
export const DEMO_PASSWORD = 'sargam-demo-desk';

export interface DemoAgent {
  email: string;
  name: string;
  role: 'agent' | 'admin';
  teams: string[];
  capacity: number;
}

/** Teams speak languages: Urdu and Nepali conversations go to the team that speaks them. */
export const DEMO_TEAMS: Team[] = [
  { id: 'care', name: 'Customer care', languages: ['en', 'hi', 'hi-Latn'] },
  { id: 'care-south', name: 'Care: Urdu and Nepali', languages: ['ur', 'ne'] },
  { id: 'sales', name: 'Sales', languages: ['en', 'hi', 'hi-Latn', 'ur'], survey: 'both' },
  { id: 'marketing', name: 'Marketing' },
];

export const DEMO_AGENTS: DemoAgent[] = [
  { email: 'admin@sargam.demo', name: 'Nandini Rao', role: 'admin', teams: ['care', 'care-south', 'sales'], capacity: 6 },
  { email: 'priya@sargam.demo', name: 'Priya Sharma', role: 'agent', teams: ['care'], capacity: 8 },
  { email: 'rohan@sargam.demo', name: 'Rohan Mehta', role: 'agent', teams: ['care'], capacity: 8 },
  { email: 'ananya@sargam.demo', name: 'Ananya Iyer', role: 'agent', teams: ['care', 'sales'], capacity: 8 },
  { email: 'ayesha@sargam.demo', name: 'Ayesha Khan', role: 'agent', teams: ['care-south'], capacity: 8 },
  { email: 'suman@sargam.demo', name: 'Suman Gurung', role: 'agent', teams: ['care-south'], capacity: 8 },
  { email: 'sana@sargam.demo', name: 'Sana Malik', role: 'agent', teams: ['care-south', 'care'], capacity: 8 },
  { email: 'vikram@sargam.demo', name: 'Vikram Singh', role: 'agent', teams: ['sales'], capacity: 8 },
  { email: 'kabir@sargam.demo', name: 'Kabir Das', role: 'agent', teams: ['sales', 'marketing'], capacity: 8 },
];

/** Canned answers agents type with a slash; per language where the desk writes in it. */
export const DEMO_CANNED: { team: string; shortcut: string; title: string; text: string; language?: string }[] = [
  { team: 'care', shortcut: '/refund', title: 'Refund timeline', text: 'Refunds reach your account within 5 to 7 working days of the pickup.' },
  { team: 'care', shortcut: '/refund', language: 'hi', title: 'रिफंड का समय', text: 'पिकअप के 5 से 7 कामकाजी दिनों में रिफंड आपके खाते में आ जाता है।' },
  { team: 'care', shortcut: '/refund', language: 'hi-Latn', title: 'Refund timeline (Hinglish)', text: 'Pickup ke 5-7 working days me refund aapke account me aa jata hai.' },
  { team: 'care', shortcut: '/hello', title: 'Greeting', text: 'Hello! This is Sargam care. How can I help you today?' },
  { team: 'care', shortcut: '/repair', title: 'Technician visit', text: 'I have booked a technician visit; they will call you before coming.' },
  { team: 'care', shortcut: '/track', title: 'Tracking link', text: 'You can follow your order at sargam.example/track with the order number.' },
  { team: 'care-south', shortcut: '/refund', language: 'ur', title: 'ریفنڈ کا وقت', text: 'پک اپ کے 5 سے 7 کاروباری دنوں میں ریفنڈ آپ کے اکاؤنٹ میں آ جاتا ہے۔' },
  { team: 'care-south', shortcut: '/refund', language: 'ne', title: 'पैसा फिर्ता समय', text: 'पिकअपको ५ देखि ७ कार्य दिनभित्र पैसा तपाईंको खातामा आउँछ।' },
  { team: 'sales', shortcut: '/emi', title: 'EMI options', text: 'No-cost EMI is available on orders above ₹10,000 with most credit cards.' },
];

/**
 * The clock the demo runtime reads. While the seed plays a conversation, the moment of that
 * conversation's current step (each conversation runs in its own async context, so several play at
 * once); elsewhere, and for good once `release()` is called, the wall clock (an embedded desk keeps
 * serving after the seed).
 */
export interface DemoClock {
  now(): number;
  /** Runs `fn` with its own moment in the past, starting at `at`. */
  run<T>(at: number, fn: () => Promise<T>): Promise<T>;
  /** Moves the current conversation's moment (only inside `run`). */
  set(at: number): void;
  release(): void;
}

export function createDemoClock(): DemoClock {
  const moments = new AsyncLocalStorage<{ at: number }>();
  let released = false;
  return {
    now: () => (released ? undefined : moments.getStore()?.at) ?? Date.now(),
    run: (at, fn) => moments.run({ at }, fn),
    set: (at) => {
      const moment = moments.getStore();
      if (!moment) throw new Error('DemoClock.set outside DemoClock.run');
      moment.at = at;
    },
    release: () => {
      released = true;
    },
  };
}

/** A channel that delivers nowhere: the demo's WhatsApp and Messenger customers are made up. */
export function demoSender(channel: ChannelName): ChannelSender {
  return {
    channel,
    async send(): Promise<SendResult> {
      return { platformMessageId: `demo_${randomBytes(8).toString('hex')}`, status: 'delivered' };
    },
    async senderAction(): Promise<void> {
      // No phone to show a typing indicator on.
    },
  };
}

/** Baton wired for the demo: the demo clock on every service, stand-in senders, no CRM. */
export function createDemoRuntime(opts: { config: Config; logger: Logger; catalog: Catalog; clock: DemoClock; redis?: RedisConnection; consoleDir?: string }): Runtime {
  const config: Config = { ...opts.config, sandboxEnabled: true, consoleEnabled: true, crm: null };
  return createRuntime({
    config,
    logger: opts.logger,
    catalog: opts.catalog,
    createBrain: createDialogueBrain,
    redis: opts.redis,
    consoleDir: opts.consoleDir,
    clock: opts.clock.now,
    recordClock: opts.clock.now,
    senders: { whatsapp: demoSender('whatsapp'), messenger: demoSender('messenger'), sandbox: demoSender('sandbox') },
  });
}

export interface SeedOptions {
  conversations: number;
  seed: number;
  days?: number;
  /** The month ends here (default: now). */
  now?: number;
  /** The demo agents' password (default DEMO_PASSWORD); agents that exist already keep theirs. */
  password?: string;
  /** Conversations played at once (default 16); each keeps its own moment. */
  concurrency?: number;
  /** Called every ~10 % with how far the seed got. */
  progress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  conversations: number;
  customerMessages: number;
  escalated: number;
  resolved: number;
  csatAnswered: number;
  languages: Record<string, number>;
  agents: Agent[];
  ms: number;
}

/** Teams, agents and canned answers through the same stores the admin API writes; existing ones are kept. */
async function ensureDesk(runtime: Runtime, password: string): Promise<Agent[]> {
  const { teams, agents } = runtime.inbox;
  // A team that exists already (--force on a desk in use) keeps its settings.
  for (const team of DEMO_TEAMS) if (!(await teams.get(team.id))) await teams.upsert(team);
  const out: Agent[] = [];
  for (const a of DEMO_AGENTS) {
    out.push((await agents.findByEmail(a.email)) ?? (await agents.create({ ...a, password })));
  }
  const existing = new Set((await runtime.inbox.canned.list()).map((c) => `${c.team} ${c.language ?? ''} ${c.shortcut}`));
  for (const c of DEMO_CANNED) if (!existing.has(`${c.team} ${c.language ?? ''} ${c.shortcut}`)) await runtime.inbox.canned.create(c);
  const lead = out.find((a) => a.email === 'priya@sargam.demo');
  const care = await teams.get('care');
  if (care && lead && !care.leadAgentId) await teams.upsert({ ...care, leadAgentId: lead.id });
  return out;
}

interface Live {
  plan: DemoConversation;
  id?: string;
  /** The agent holding it, as the plan's last claim chose. */
  agent?: Agent;
  escalated: boolean;
  lastAt: number;
}

/**
 * Plays the plan on `runtime`, each conversation on its own moment of `clock`. Call it before
 * `runtime.start()`: the lane sweeper and the send schedule it starts read the wall clock and would
 * take the month's sends for interrupted ones. Start the runtime afterwards to serve the desk.
 */
export async function seedDemo(runtime: Runtime, clock: DemoClock, opts: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const plan = planDemo({ conversations: opts.conversations, seed: opts.seed, now: opts.now ?? Date.now(), days: opts.days });
  const agents = await ensureDesk(runtime, opts.password ?? DEMO_PASSWORD);
  const live = plan.map((c): Live => ({ plan: c, escalated: false, lastAt: 0 }));
  const summary = { customerMessages: 0, escalated: 0 };
  const concurrency = Math.max(1, opts.concurrency ?? 16);
  const tick = Math.max(1, Math.floor(plan.length / 10));
  let next = 0;
  let done = 0;
  /** Conversations in start order, `concurrency` at a time, each one's steps in time order on its own clock. */
  const worker = async (): Promise<void> => {
    while (next < live.length) {
      const state = live[next++]!;
      await clock.run(state.plan.startAt, async () => {
        for (const step of state.plan.steps) {
          // Steps of one conversation never share a second (messages keep their order on screen).
          clock.set(Math.max(step.at, state.lastAt + 1000, clock.now()));
          state.lastAt = clock.now();
          await playStep(runtime, state, step, agents, summary, clock);
        }
      });
      if (++done % tick === 0) opts.progress?.(done, live.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    clock.release();
  }
  opts.progress?.(live.length, live.length);

  let resolved = 0;
  let csatAnswered = 0;
  const languages: Record<string, number> = {};
  for (const state of live) {
    languages[state.plan.language] = (languages[state.plan.language] ?? 0) + 1;
    if (!state.id) continue;
    const conv = await runtime.store.get(state.id);
    if (conv?.status === 'resolved' || conv?.resolvedAt) resolved++;
    if (conv?.csat?.status === 'answered') csatAnswered++;
  }
  return { conversations: plan.length, ...summary, resolved, csatAnswered, languages, agents, ms: Date.now() - started };
}

async function customerSays(runtime: Runtime, state: Live, at: number, text: string | undefined, payload?: string): Promise<Conversation | null> {
  const c = state.plan;
  await runtime.ingest(
    [
      {
        kind: 'message',
        channel: c.channel,
        customerAddress: c.customerAddress,
        platformMessageId: `demo-${c.index}-${at}-${randomBytes(3).toString('hex')}`,
        timestamp: at,
        author: 'customer',
        text,
        payload,
        media: [],
        profileName: c.profileName,
        ...(c.channel === 'whatsapp' ? { platformUserId: c.customerAddress.replace(/^whatsapp:\+/, '') } : {}),
        answerable: true,
      },
    ],
    { requestId: `seed-demo-${c.index}` },
  );
  await runtime.queue.idle();
  const conv = await runtime.store.findByAddress(c.channel, c.customerAddress);
  if (conv) state.id = conv.id;
  return conv;
}

const inPersonsHands = (conv: Conversation | null): conv is Conversation => conv !== null && (conv.status === 'queued' || conv.status === 'assigned');

async function playStep(runtime: Runtime, state: Live, step: DemoStep, agents: Agent[], summary: { customerMessages: number; escalated: number }, clock: DemoClock): Promise<void> {
  const conv = state.id ? await runtime.store.get(state.id) : null;
  const firstName = state.plan.profileName.split(' ')[0]!;
  try {
    switch (step.kind) {
      case 'customer': {
        const after = await customerSays(runtime, state, clock.now(), step.text, step.payload);
        summary.customerMessages++;
        if (!state.escalated && inPersonsHands(after)) {
          state.escalated = true;
          summary.escalated++;
        }
        return;
      }
      case 'claim': {
        if (!inPersonsHands(conv) || conv.status !== 'queued') return;
        const team = agents.filter((a) => a.teams.includes(conv.team ?? 'care'));
        const pool = team.length ? team : agents;
        const agent = pool[Math.floor(step.pick * pool.length)]!;
        await runtime.actions.claim(conv.id, agent);
        state.agent = agent;
        return;
      }
      case 'reply':
        if (!inPersonsHands(conv) || conv.status !== 'assigned' || !state.agent) return;
        await runtime.actions.reply(conv.id, state.agent, { text: step.text.replace('{agent}', state.agent.name.split(' ')[0]!).replace('{name}', firstName) });
        return;
      case 'note':
        if (!inPersonsHands(conv) || !state.agent) return;
        await runtime.actions.note(conv.id, state.agent, step.text);
        return;
      case 'transfer':
        if (!inPersonsHands(conv) || !state.agent || conv.team === step.team) return;
        await runtime.actions.transfer(conv.id, state.agent, { team: step.team, note: 'Customer wants a quote for a bulk order' });
        state.agent = undefined;
        return;
      case 'handback':
        if (!inPersonsHands(conv) || !state.agent) return;
        await runtime.actions.handback(conv.id, state.agent);
        return;
      case 'resolve':
        if (!inPersonsHands(conv) || conv.status !== 'assigned' || !state.agent) return;
        await runtime.actions.resolve(conv.id, state.agent);
        return;
      case 'survey': {
        if (conv?.csat?.status !== 'pending') return;
        let after = await customerSays(runtime, state, clock.now(), step.csat.text, step.csat.payload);
        summary.customerMessages++;
        if (after?.nps?.status === 'pending' && step.nps) {
          clock.set(clock.now() + 40_000);
          after = await customerSays(runtime, state, clock.now(), String(step.nps.score));
          summary.customerMessages++;
        }
        if (after?.nps?.status === 'why' && step.nps) {
          clock.set(clock.now() + 60_000);
          await customerSays(runtime, state, clock.now(), step.nps.why);
          summary.customerMessages++;
        }
        state.lastAt = clock.now();
        return;
      }
    }
  } catch (err) {
    // A step the desk refuses (the conversation moved on meanwhile) is skipped, as an agent would.
    if (isBatonError(err)) return;
    throw err;
  }
}
