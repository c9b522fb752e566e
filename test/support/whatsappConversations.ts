/**
 * Realistic WhatsApp conversations played through a running Baton (signed Twilio webhooks, the agent
 * API), for the storage benchmark and the retention tests: every key a real conversation writes is
 * written. The Baton must send through a FakeTwilioApi (TWILIO_API_URL) so replies can be awaited.
 */
import { randomBytes } from 'node:crypto';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../fixtures/twilio';
import type { FakeTwilioApi } from './fakePlatforms';
import type { TestBaton } from './testBaton';
import { whatsappTextBody } from './webhookBodies';

/** Texts that each get exactly one bot reply, whatever came before. */
const QUESTIONS = [
  'What time does the store open?',
  'Do you deliver to Pune?',
  'Do you have cash on delivery?',
  'How do I return an item?',
  'What are your store hours?',
  'Do you deliver on Sundays?',
  'thanks',
];
const AGENT_REPLIES = [
  'Hello, this is Asha from the care team. I have your order in front of me.',
  'The courier picked it up yesterday evening; it is at the Pune hub now.',
  'It should reach you tomorrow before 6 pm.',
  'Yes, I have added a note for the courier to call you first.',
  'You are welcome. Anything else I can help with?',
];
const CUSTOMER_TO_AGENT = ['ok, where is it now?', 'when will it arrive?', 'can they call me before?', 'great, thank you', 'no that is all'];

export interface PlayCtx {
  baton: TestBaton;
  twilio: FakeTwilioApi;
  token: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A signed Twilio WhatsApp webhook with a text from `from`. */
export async function customerWrites(ctx: PlayCtx, from: string, text: string): Promise<void> {
  const body = whatsappTextBody({ from, messageSid: `SM${randomBytes(16).toString('hex')}`, text, profileName: 'Asha Verma' });
  const url = `${ctx.baton.url}/webhooks/twilio`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, body) },
    body,
  });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
}

const sentTo = (ctx: PlayCtx, to: string) => ctx.twilio.accepted.filter((m) => m.to === to).length;

/** Waits until `n` messages went to the customer (or 15 s: a turn that says nothing is not an error here). */
async function untilSent(ctx: PlayCtx, to: string, n: number): Promise<void> {
  const until = Date.now() + 15_000;
  while (sentTo(ctx, to) < n && Date.now() < until) await sleep(20);
}

async function api(ctx: PlayCtx, method: string, p: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${ctx.baton.url}/api/v1${p}`, {
    method,
    headers: { authorization: `Bearer ${ctx.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function turn(ctx: PlayCtx, from: string, text: string): Promise<void> {
  const before = sentTo(ctx, from);
  await customerWrites(ctx, from, text);
  await untilSent(ctx, from, before + 1);
}

/** 10 questions the bot answers: 20 messages. */
export async function botConversation(ctx: PlayCtx, from: string, i: number): Promise<void> {
  for (let t = 0; t < 10; t++) await turn(ctx, from, QUESTIONS[(i + t) % QUESTIONS.length]!);
}

/**
 * An order question with its number (a fact, then a packet), a request for a person, an agent who
 * claims and answers, resolves, and the customer's CSAT answer: about 20 messages.
 */
export async function escalatedConversation(ctx: PlayCtx, from: string, i: number): Promise<void> {
  await turn(ctx, from, 'where is my order');
  await turn(ctx, from, `SG-${String(480000 + i)}`);
  await turn(ctx, from, 'I want to talk to a human agent please');
  const conv = await ctx.baton.runtime.store.findByAddress('whatsapp', from);
  if (!conv) throw new Error(`no conversation for ${from}`);
  const claim = await api(ctx, 'POST', `/conversations/${conv.id}/claim`);
  if (claim.status !== 200) throw new Error(`claim answered ${claim.status}`);
  for (let t = 0; t < 5; t++) {
    const before = sentTo(ctx, from);
    const reply = await api(ctx, 'POST', `/conversations/${conv.id}/messages`, { text: AGENT_REPLIES[t]! });
    if (reply.status !== 201) throw new Error(`agent reply answered ${reply.status}`);
    await untilSent(ctx, from, before + 1);
    if (t < 4) {
      await customerWrites(ctx, from, CUSTOMER_TO_AGENT[t]!);
      await ctx.baton.settle();
    }
  }
  const before = sentTo(ctx, from);
  const resolved = await api(ctx, 'POST', `/conversations/${conv.id}/resolve`);
  if (resolved.status !== 200) throw new Error(`resolve answered ${resolved.status}`);
  await untilSent(ctx, from, before + 1);
  await turn(ctx, from, '5');
}
