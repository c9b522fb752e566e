import type { LanguageDetector } from '../../../src/nlu/types';
import type { CatalogText } from './catalogTexts';
import { isCustomerTurn, type ConversationScript, type CustomerTurn, type ExpectedFact } from './script';

/** A reply as the sandbox returns it. */
export interface SandboxReply {
  author: string;
  text?: string;
  quickReplies?: { title: string; payload: string }[];
}

export interface PlayResult {
  id: string;
  passed: boolean;
  failures: string[];
  /** Replies whose language was judged, and how many matched the expected language. */
  replies: { judged: number; matched: number };
  facts: { kind: ExpectedFact['kind']; kept: boolean }[];
}

export interface PlayDeps {
  baseUrl: string;
  /** A Bearer token of an agent who can see every team (for the packet and agent steps). */
  agentToken: string;
  texts: CatalogText[];
  detector: LanguageDetector;
  /** Makes the customer id unique per run. */
  runId: string;
}

async function http<T>(deps: PlayDeps, method: string, url: string, body?: unknown, auth = false): Promise<{ status: number; body: T }> {
  const res = await fetch(deps.baseUrl + url, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${deps.agentToken}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

/** The catalog texts a reply contains: by intent and by message key. */
function matchesOf(texts: CatalogText[], reply: string): CatalogText[] {
  return texts.filter((t) => t.pattern.test(reply));
}

const SCRIPT_OF: Record<string, RegExp> = {
  en: /\p{Script=Latin}/u,
  'hi-Latn': /\p{Script=Latin}/u,
  hi: /\p{Script=Devanagari}/u,
  ne: /\p{Script=Devanagari}/u,
  ur: /\p{Script=Arabic}/u,
};

/**
 * The language of a reply: the languages of the catalog texts it contains (the longest match
 * decides when several languages share a text), else its script and the language detector.
 */
export function replyLanguageMatches(texts: CatalogText[], detector: LanguageDetector, reply: string, expected: string): boolean {
  const letters = reply.replace(/[^\p{L}]/gu, '');
  if (!letters) return true;
  const matched = matchesOf(texts, reply).sort((a, b) => b.text.length - a.text.length);
  if (matched.length) {
    const best = matched[0]!.text.length;
    return matched.filter((m) => m.text.length === best || m.lang === expected).some((m) => m.lang === expected);
  }
  const scripts = Object.entries(SCRIPT_OF).filter(([, re]) => re.test(letters));
  if (!scripts.some(([lang]) => lang === expected)) return false;
  if (expected === 'ur') return true;
  const pair = expected === 'en' || expected === 'hi-Latn' ? ['en', 'hi-Latn'] : ['hi', 'ne'];
  const guess = detector.detect(reply);
  return !pair.includes(guess.lang) || guess.lang === expected || guess.confidence < 0.5;
}

const isFallback = (texts: CatalogText[], reply: string) => texts.some((t) => t.where.startsWith('message:fallback') && t.pattern.test(reply));
const asksAboutPart = (texts: CatalogText[], reply: string) => texts.some((t) => t.where.startsWith('message:unclearPart') && t.pattern.test(reply));
const isClarify = (texts: CatalogText[], reply: string) => texts.some((t) => t.where.startsWith('message:clarify') && t.pattern.test(reply));

/** A short menu: three or more quick replies, or three or more numbered lines. */
/**
 * The topics menu offered after misunderstandings: three or more options (buttons, or a numbered
 * list on WhatsApp and the sandbox) introduced by the catalog's `menu` message. A greeting answered
 * with follow-up buttons is not the menu.
 */
function isMenu(texts: CatalogText[], reply: SandboxReply): boolean {
  const numbered = (reply.text ?? '').split('\n').filter((l) => /^\s*(?:[0-9०-९۰-۹٠-٩]{1,2})\s*[.)\-:]/u.test(l));
  if ((reply.quickReplies?.length ?? 0) < 3 && numbered.length < 3) return false;
  const intros = texts.filter((t) => t.where.startsWith('message:menu'));
  return intros.length === 0 || intros.some((t) => t.pattern.test(reply.text ?? ''));
}

function answersIntent(texts: CatalogText[], reply: string, intent: string): number {
  let at = -1;
  for (const t of texts) {
    if (t.intent !== intent || !/:(answers|slots)/.test(t.where)) continue;
    const m = t.pattern.exec(reply);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  return at;
}

function asksSlot(texts: CatalogText[], reply: string, slot: string): boolean {
  return texts.some((t) => t.where.includes(`:slots[${slot}]:prompt`) && t.pattern.test(reply));
}

function sameFact(expected: ExpectedFact, actual: { kind: string; value: unknown }): boolean {
  if (actual.kind !== expected.kind) return false;
  const value = typeof actual.value === 'string' ? actual.value : JSON.stringify(actual.value);
  const flat = (s: string) => s.toUpperCase().replace(/[\s#-]/g, '');
  switch (expected.kind) {
    case 'order_number':
      return flat(value) === flat(expected.value);
    case 'email':
      return value.toLowerCase() === expected.value.toLowerCase();
    case 'phone':
      return value.replace(/\D/g, '').slice(-10) === expected.value.replace(/\D/g, '').slice(-10);
    default:
      return JSON.stringify(actual).toLowerCase().includes(expected.value.toLowerCase());
  }
}

/** Plays one script through the sandbox and the agent API and checks every expectation. */
export async function playConversation(script: ConversationScript, deps: PlayDeps): Promise<PlayResult> {
  const from = `${script.id}-${deps.runId}`.slice(0, 64);
  const failures: string[] = [];
  const replies = { judged: 0, matched: 0 };
  const earlierBotTexts: string[] = [];
  let conversationId: string | null = null;
  let step = 0;

  const fail = (msg: string) => failures.push(`step ${step}: ${msg}`);

  for (const turn of script.turns) {
    step++;
    if (!isCustomerTurn(turn)) {
      if (!conversationId) {
        fail(`agent ${turn.agent} before the conversation exists`);
        break;
      }
      const path = turn.agent === 'reply' ? `/api/v1/conversations/${conversationId}/messages` : `/api/v1/conversations/${conversationId}/${turn.agent}`;
      const res = await http<{ error?: { code: string } }>(deps, 'POST', path, turn.agent === 'reply' ? { text: turn.text ?? 'Checking that for you now.' } : undefined, true);
      if (res.status >= 300) fail(`agent ${turn.agent} answered ${res.status} ${res.body.error?.code ?? ''}`);
      continue;
    }
    const res = await http<{ conversationId: string | null; status: string; replies: SandboxReply[] }>(deps, 'POST', '/sandbox/messages', {
      from,
      text: turn.customer,
      wait: 8000,
    });
    if (res.status !== 200) {
      fail(`sandbox answered ${res.status}`);
      continue;
    }
    conversationId = res.body.conversationId ?? conversationId;
    const bot = res.body.replies.filter((r) => r.author === 'bot' || r.author === 'system');
    checkTurn(turn, res.body.status, bot, script, deps, fail, replies, earlierBotTexts);
    for (const r of bot) if (r.text) earlierBotTexts.push(r.text);
  }

  const facts: PlayResult['facts'] = [];
  if (script.packet && conversationId) {
    const detail = await http<{ packet: { facts?: { kind: string; value: unknown }[]; language?: string } | null }>(
      deps,
      'GET',
      `/api/v1/conversations/${conversationId}`,
      undefined,
      true,
    );
    const packet = detail.body.packet;
    if (!packet) fail('no handoff packet');
    for (const expected of script.packet.facts) {
      const kept = (packet?.facts ?? []).some((f) => sameFact(expected, f));
      facts.push({ kind: expected.kind, kept });
      if (!kept) failures.push(`packet: fact ${expected.kind} ${expected.value} missing`);
    }
    if (script.packet.language && packet && packet.language !== script.packet.language) {
      failures.push(`packet: language ${packet.language}, expected ${script.packet.language}`);
    }
  }
  return { id: script.id, passed: failures.length === 0, failures, replies, facts };
}

function checkTurn(
  turn: CustomerTurn,
  status: string,
  bot: SandboxReply[],
  script: ConversationScript,
  deps: PlayDeps,
  fail: (msg: string) => void,
  replies: PlayResult['replies'],
  earlier: string[],
): void {
  const e = turn.expect;
  const { texts } = deps;
  const all = bot.map((r) => r.text ?? '').join('\n');
  const said = () => JSON.stringify(all.slice(0, 240));
  const lang = e.lang ?? script.lang;
  const escalated = status === 'queued' || status === 'assigned';

  for (const r of bot) {
    if (!r.text) continue;
    replies.judged++;
    if (replyLanguageMatches(texts, deps.detector, r.text, lang)) replies.matched++;
    else fail(`reply not in ${lang}: ${JSON.stringify(r.text.slice(0, 120))}`);
  }
  if (e.silent && bot.length) fail(`expected no bot reply, got ${said()}`);
  const needsReply = e.answers || e.asks || e.act || e.fallback || e.clarify || e.menu || e.hint || e.asksAboutPart;
  if (needsReply && !bot.length) fail('no reply');
  if (e.escalated !== undefined && e.escalated !== escalated) fail(`expected ${e.escalated ? 'an escalation' : 'no escalation'}, status ${status}`);
  const fallback = isFallback(texts, all);
  const clarify = isClarify(texts, all);
  const menu = bot.some((r) => isMenu(texts, r));
  if (e.fallback !== undefined && e.fallback !== fallback) fail(`expected ${e.fallback ? '' : 'no '}fallback, got ${said()}`);
  if (e.clarify !== undefined && e.clarify !== clarify) fail(`expected ${e.clarify ? '' : 'no '}clarification, got ${said()}`);
  if (e.asksAboutPart !== undefined && e.asksAboutPart !== asksAboutPart(texts, all)) {
    fail(`expected ${e.asksAboutPart ? '' : 'no '}question about a part not understood, got ${said()}`);
  }
  if (e.menu !== undefined && e.menu !== menu) fail(`expected ${e.menu ? 'a' : 'no'} menu, got ${said()}`);
  if (e.act) {
    if (fallback || clarify || menu) fail(`an acknowledgement got ${fallback ? 'the fallback' : clarify ? 'a clarification' : 'a menu'}: ${said()}`);
    if (escalated) fail('an acknowledgement escalated');
  }
  if (e.answers) {
    let last = -1;
    for (const intent of e.answers) {
      const at = answersIntent(texts, all, intent);
      if (at < 0) fail(`${intent} not answered; got ${said()}`);
      else if (at < last) fail(`${intent} answered out of order`);
      else last = at;
    }
    if (fallback && e.fallback === undefined) fail(`fallback given: ${said()}`);
  }
  if (e.asks && !asksSlot(texts, all, e.asks)) fail(`expected the ${e.asks} prompt, got ${said()}`);
  for (const slot of e.notAsks ?? []) if (asksSlot(texts, all, slot)) fail(`asked again for ${slot}`);
  if (e.hint) {
    if (!/[A-Z]{2}-?\d{6}/.test(all)) fail(`no example format in the hint: ${said()}`);
    if (bot.some((r) => r.text && earlier.includes(r.text))) fail(`repeated an earlier message word for word: ${said()}`);
  }
}
