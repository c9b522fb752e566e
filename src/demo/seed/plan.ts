import type { ChannelName } from '../../conversations/types';
import {
  AGENT_FIXES,
  AGENT_GREETS,
  AGENT_NOTES,
  ANGRY,
  CITIES,
  CSAT_TYPED,
  CUSTOMER_NAMES,
  DETAILS,
  fill,
  GREETINGS,
  NPS_WHY,
  PERSON_REQUESTS,
  PRODUCTS,
  QUESTIONS,
  THANKS,
  TOPICS,
  type DemoLanguage,
} from './content';
import { createRandom, type Random } from './random';

/**
 * The demo month as a plan: who writes when, what, and what the agents do. Pure (seed in, plan
 * out); src/demo/seedDemo.ts plays it through the real services in time order.
 */

/** What happens at one moment of a conversation. Agent steps run only if the conversation is in a person's hands then. */
export type DemoStep =
  | { at: number; kind: 'customer'; text?: string; payload?: string }
  /** `pick` in [0, 1) chooses among the agents of the conversation's team at that moment. */
  | { at: number; kind: 'claim'; pick: number }
  | { at: number; kind: 'reply'; text: string }
  | { at: number; kind: 'note'; text: string }
  | { at: number; kind: 'transfer'; team: string }
  | { at: number; kind: 'handback' }
  | { at: number; kind: 'resolve' }
  /** The answer to the survey, sent only while one is waiting for an answer. */
  | { at: number; kind: 'survey'; csat: { payload?: string; text?: string }; nps?: { score: number; why: string } };

export type Scenario = 'bot_answer' | 'bot_two_questions' | 'greeting_only' | 'asks_person' | 'person_first' | 'angry';

export interface DemoConversation {
  index: number;
  channel: Extract<ChannelName, 'whatsapp' | 'messenger' | 'sandbox'>;
  language: DemoLanguage;
  customerAddress: string;
  profileName: string;
  scenario: Scenario;
  startAt: number;
  steps: DemoStep[];
}

export interface PlanOptions {
  conversations: number;
  seed: number;
  /** The plan ends before this moment (ms); it starts `days` before. */
  now: number;
  days?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** India Standard Time (UTC+5:30): when the demo's customers and agents are awake. */
const IST_OFFSET = 5.5 * HOUR;

/** Customers per hour of the day (IST): quiet nights, a late-morning peak, a bigger evening one. */
const HOUR_WEIGHTS = [2, 1, 1, 0.5, 0.5, 1, 2, 4, 6, 8, 10, 11, 11, 10, 9, 9, 9, 10, 12, 14, 14, 12, 8, 4];
/** Mon..Sun. */
const WEEKDAY_WEIGHTS = [1.15, 1.05, 1, 1, 1.05, 0.8, 0.6];

const LANGUAGE_WEIGHTS: Record<DemoLanguage, number> = { en: 30, 'hi-Latn': 28, hi: 17, ur: 13, ne: 12 };
const SCENARIO_WEIGHTS: Record<Scenario, number> = { bot_answer: 44, bot_two_questions: 17, greeting_only: 20, asks_person: 10, person_first: 5, angry: 4 };

/** The last hour's customers: more of them wait for a person. */
const LIVE_SCENARIO_WEIGHTS: Record<Scenario, number> = { bot_answer: 25, bot_two_questions: 10, greeting_only: 5, asks_person: 40, person_first: 12, angry: 8 };

/** Country code and mobile prefix, and how many digits follow. */
const PHONE: Record<DemoLanguage, [string, number]> = { en: ['+9198', 8], hi: ['+9194', 8], 'hi-Latn': ['+9199', 8], ur: ['+92300', 7], ne: ['+97798', 8] };

/** When a conversation starts: a day of the month (weekdays busier), an hour of that day (IST). */
function startTime(r: Random, from: number, days: number): number {
  const dayWeights: Record<string, number> = {};
  const firstIstMidnight = Math.floor((from + IST_OFFSET) / DAY) * DAY - IST_OFFSET;
  for (let d = 0; d <= days; d++) {
    const weekday = (new Date(firstIstMidnight + d * DAY + IST_OFFSET).getUTCDay() + 6) % 7;
    dayWeights[String(d)] = WEEKDAY_WEIGHTS[weekday]!;
  }
  const day = Number(r.weighted(dayWeights));
  const hour = Number(r.weighted(Object.fromEntries(HOUR_WEIGHTS.map((w, h) => [String(h), w]))));
  return firstIstMidnight + day * DAY + hour * HOUR + r.int(0, HOUR - 1);
}

function istHour(at: number): number {
  return new Date(at + IST_OFFSET).getUTCHours();
}

/** How long an escalated customer waits for an agent: minutes by day, longer on the night shift. */
function waitMs(r: Random, at: number): number {
  const h = istHour(at);
  const night = h < 8 || h >= 23;
  const minutes = night ? 20 + r.next() ** 2 * 300 : 0.5 + r.next() ** 2.5 * 40;
  return Math.round(minutes * MINUTE);
}

function orderNumber(r: Random): string {
  return `SG-${r.int(100000, 999999)}`;
}

function address(r: Random, channel: DemoConversation['channel'], language: DemoLanguage, index: number): string {
  if (channel === 'whatsapp') {
    const [prefix, digits] = PHONE[language];
    return `whatsapp:${prefix}${Array.from({ length: digits }, () => r.int(0, 9)).join('')}`;
  }
  if (channel === 'messenger') return `${r.int(1, 9)}${Array.from({ length: 15 }, () => r.int(0, 9)).join('')}`;
  return `demo-${language}-${index}`;
}

/** Builds the month; conversations are in start order, each one's steps in time order. */
export function planDemo(opts: PlanOptions): DemoConversation[] {
  const days = opts.days ?? 30;
  const r = createRandom(opts.seed);
  const from = opts.now - days * DAY;
  const starts = Array.from({ length: opts.conversations }, () => startTime(r, from, days))
    .filter((t) => t >= from && t < opts.now - 10 * MINUTE)
    .sort((a, b) => a - b);
  // Make up for starts that fell outside the window (the last day's future hours).
  while (starts.length < opts.conversations) starts.push(opts.now - r.int(15, 6 * 60) * MINUTE);
  // The desk is busy as the month ends: the last few customers wrote within the past hour, and more
  // of them want a person, so the queues hold waiting and assigned conversations in every language.
  const tail = Math.min(Math.floor(starts.length / 4), Math.max(15, Math.round(starts.length * 0.015)));
  for (let i = starts.length - tail; i < starts.length; i++) starts[i] = opts.now - r.int(3, 60) * MINUTE;
  starts.sort((a, b) => a - b);
  const firstOfTail = starts.length - tail;

  return starts.map((startAt, index) => {
    // The languages come in turn for the first five, so even a small seed has them all.
    const language = index < 5 ? (['hi', 'ur', 'hi-Latn', 'ne', 'en'] as const)[index]! : r.weighted(LANGUAGE_WEIGHTS);
    const channel = r.weighted({ whatsapp: 58, messenger: 27, sandbox: 15 });
    // The first conversations of a small seed escalate, so every language has a packet to show.
    const scenario: Scenario = index < 5 ? 'asks_person' : index >= firstOfTail ? r.weighted(LIVE_SCENARIO_WEIGHTS) : r.weighted(SCENARIO_WEIGHTS);
    const conv: DemoConversation = {
      index,
      channel,
      language,
      customerAddress: address(r, channel, language, index),
      profileName: r.pick(CUSTOMER_NAMES[language]),
      scenario,
      startAt,
      steps: [],
    };
    conv.steps = stepsFor(r, conv, index >= firstOfTail).filter((s) => s.at < opts.now - 30_000);
    return conv;
  });
}

/** `busy`: the month's last hour, when the queue is long and customers wait longer. */
function stepsFor(r: Random, conv: DemoConversation, busy: boolean): DemoStep[] {
  const lang = conv.language;
  const values = { order: orderNumber(r), product: r.pick(PRODUCTS[lang]), city: r.pick(CITIES[lang]), name: conv.profileName.split(' ')[0]! };
  const say = (list: string[]) => fill(r.pick(list), values);
  const question = () => say(QUESTIONS[r.pick(TOPICS)][lang]);
  const steps: DemoStep[] = [];
  let t = conv.startAt;
  const customer = (text: string, gapSeconds: [number, number] = [15, 120]) => {
    steps.push({ at: t, kind: 'customer', text });
    t += r.int(gapSeconds[0], gapSeconds[1]) * 1000;
  };

  if (r.chance(0.35) || conv.scenario === 'greeting_only') customer(say(GREETINGS[lang]), [5, 40]);
  switch (conv.scenario) {
    case 'greeting_only':
      if (r.chance(0.5)) customer(say(THANKS[lang]));
      return steps;
    case 'bot_answer':
      customer(question());
      if (r.chance(0.6)) customer(say(THANKS[lang]));
      return steps;
    case 'bot_two_questions':
      customer(question(), [40, 300]);
      customer(question());
      if (r.chance(0.5)) customer(say(THANKS[lang]));
      return steps;
    case 'asks_person':
      customer(question(), [30, 180]);
      customer(say(PERSON_REQUESTS[lang]));
      break;
    case 'person_first':
      customer(say(PERSON_REQUESTS[lang]));
      break;
    case 'angry':
      customer(say(ANGRY[lang]));
      break;
  }

  // In a person's hands: the wait, the agent's turn, the fix, the survey.
  t += busy ? r.int(8, 75) * MINUTE : waitMs(r, t);
  steps.push({ at: t, kind: 'claim', pick: r.next() });
  t += r.int(20, 150) * 1000;
  steps.push({ at: t, kind: 'reply', text: fill(r.pick(AGENT_GREETS[lang]), values) });
  t += r.int(30, 400) * 1000;
  customer(say(DETAILS[lang]), [60, 600]);
  if (r.chance(0.25)) {
    steps.push({ at: t, kind: 'note', text: r.pick(AGENT_NOTES) });
    t += r.int(30, 300) * 1000;
  }
  if (r.chance(0.07)) {
    // Sent on to sales (an upgrade, a bulk order) and picked up there.
    steps.push({ at: t, kind: 'transfer', team: 'sales' });
    t += waitMs(r, t);
    steps.push({ at: t, kind: 'claim', pick: r.next() });
    t += r.int(30, 200) * 1000;
  }
  if (r.chance(0.05)) {
    steps.push({ at: t, kind: 'handback' });
    t += r.int(60, 600) * 1000;
    customer(say(THANKS[lang]));
    return steps;
  }
  steps.push({ at: t, kind: 'reply', text: fill(r.pick(AGENT_FIXES[lang]), values) });
  t += r.int(30, 300) * 1000;
  if (r.chance(0.7)) customer(say(THANKS[lang]), [20, 240]);
  steps.push({ at: t, kind: 'resolve' });
  t += r.int(20, 900) * 1000;
  if (r.chance(0.82)) {
    const band = r.weighted({ high: 78, mid: 10, low: 12 });
    const score = band === 'high' ? r.weighted({ '5': 62, '4': 38 }) : band === 'mid' ? '3' : r.weighted({ '2': 55, '1': 45 });
    const csat = r.chance(0.6) ? { payload: `csat:${score}` } : { text: band === 'high' && score === '4' ? '4' : r.pick(CSAT_TYPED[band][lang]) };
    const npsScore = band === 'high' ? r.int(8, 10) : band === 'mid' ? r.int(6, 8) : r.int(0, 5);
    steps.push({ at: t, kind: 'survey', csat, nps: { score: npsScore, why: say(NPS_WHY[lang]) } });
  }
  return steps;
}
