/**
 * `npm run bench:training`: the training inbox's loop, measured. Plays the 40 short conversations of
 * misses in test/fixtures/training/misses.yaml (wordings the default catalog does not know, five
 * languages) through the real runtime on the sandbox channel, collects the review list, accepts
 * the top suggestion of every item as a reviewer would with one click, waits for the retrained
 * bot, replays the same conversations, and prints the answer rate before and after.
 *
 * Honest figures: a message counts as answered when the bot placed it in an intent on its own turn
 * (it answered, or asked for the detail that intent needs), and "meant" when that intent is the one
 * the customer meant (the fixture's label). The top suggestion is not always right: accepting it
 * then teaches a wrong example, and the table says how many suggestions were right. The replay uses
 * the very wordings that were taught: it shows the loop works, not how far the lesson generalises.
 *
 * When the bot asks "did you mean…?", the scripted customer says yes when the first option is what
 * they meant, no otherwise (a declined clarification lands in the review list).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseDialogueState } from '../../src/bot/dialogue';
import { startTestBaton, type TestBaton } from '../support/testBaton';

const ADMIN = { email: 'bench-reviewer@training.test', password: 'Training-bench-reviewer-5120' };
const FIXTURE = path.join(__dirname, '../fixtures/training/misses.yaml');

const scriptSchema = z.array(
  z.object({
    id: z.string(),
    lang: z.enum(['en', 'hi', 'hi-Latn', 'ur', 'ne']),
    turns: z.array(z.object({ customer: z.string().min(1), intent: z.string().min(1) })).min(1),
  }),
);
type Script = z.infer<typeof scriptSchema>[number];

interface TurnResult {
  script: Script;
  text: string;
  meant: string;
  placed: string | null;
}

/**
 * fetch, once more when the server closed a kept-alive socket as it was reused: retraining holds the
 * server's process for a moment, and its idle sockets time out meanwhile. Safe to repeat: sandbox
 * messages carry their own id, a repeated accept answers 409.
 */
async function fetchAgain(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
    return fetch(url, init);
  }
}

async function api(baton: TestBaton, token: string, method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetchAgain(`${baton.url}/api/v1${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function say(baton: TestBaton, from: string, text: string): Promise<{ conversationId: string; status: string }> {
  const res = await fetchAgain(`${baton.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, text, wait: 10000, messageId: `bench-${randomUUID()}` }),
  });
  if (!res.ok) throw new Error(`sandbox answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { conversationId: string; status: string };
}

/** Plays every conversation once; one result per scripted customer message. */
async function play(baton: TestBaton, scripts: Script[], run: string): Promise<TurnResult[]> {
  const results: TurnResult[] = [];
  for (const script of scripts) {
    const from = `${run}-${script.id}`;
    let handedOff = false;
    for (const turn of script.turns) {
      if (handedOff) {
        // With a person now: the bot no longer answers this customer.
        results.push({ script, text: turn.customer, meant: turn.intent, placed: null });
        continue;
      }
      const startedAt = Date.now();
      const answer = await say(baton, from, turn.customer);
      const state = parseDialogueState(JSON.parse((await baton.runtime.store.getBotState(answer.conversationId)) ?? 'null'));
      const last = state.recognised.at(-1);
      const placed = last && last.at >= startedAt ? last.intent : null;
      results.push({ script, text: turn.customer, meant: turn.intent, placed });
      if (!placed && state.confirm) {
        const reply = await say(baton, from, state.confirm === turn.intent ? 'yes' : 'no');
        handedOff = reply.status !== 'bot';
      }
      handedOff ||= answer.status !== 'bot';
    }
  }
  return results;
}

async function main(): Promise<void> {
  const scripts = scriptSchema.parse(parse(readFileSync(FIXTURE, 'utf8')));
  const meantOf = new Map(scripts.flatMap((s) => s.turns.map((t) => [t.customer, t.intent] as const)));
  const baton = await startTestBaton({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SANDBOX_ENABLED: 'true', CONSOLE_ENABLED: 'false' } });
  try {
    const login = await fetch(`${baton.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { token } = (await login.json()) as { token: string };

    const before = await play(baton, scripts, 'before');
    const list = await api(baton, token, 'GET', '/training/items');
    const items = list.body.items as { id: string; text: string; reasons: string[]; suggestions: { intent: string }[] }[];
    let accepted = 0;
    let right = 0;
    let refused = 0;
    const reasons = new Map<string, number>();
    const started = Date.now();
    for (const item of items) {
      for (const r of item.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      const top = item.suggestions[0]?.intent;
      const r = await api(baton, token, 'POST', `/training/items/${item.id}/accept`, {});
      if (r.status !== 200) {
        refused++;
        continue;
      }
      accepted++;
      if (top === meantOf.get(item.text)) right++;
    }
    await baton.runtime.training.settled();
    const retrainMs = Date.now() - started;
    const overlay = (await api(baton, token, 'GET', '/training/examples')).body as { version: number; examples: unknown[] };
    const after = await play(baton, scripts, 'after');
    const impact = (await api(baton, token, 'GET', '/training/items')).body.impact as { scored: number; answeredBefore: number; answeredAfter: number } | null;

    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
    const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
    const placed = (rs: TurnResult[]) => rs.filter((r) => r.placed !== null).length;
    const meant = (rs: TurnResult[]) => rs.filter((r) => r.placed !== null && r.placed === r.meant).length;
    const n = before.length;
    const noIntent = before.filter((r) => r.meant === 'none').length;

    console.log(`\n## Training inbox: ${scripts.length} conversations, ${n} customer messages the catalog did not know (${noIntent} about something no intent covers)\n`);
    console.log(`Review list after the first play: ${items.length} items (${[...reasons.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}).`);
    console.log(`Top suggestion accepted for ${accepted} (${refused} refused); right (= the intent the customer meant) for ${right} of ${accepted} (${pct(right, accepted)}); the other ${accepted - right} taught a wrong example.`);
    console.log(`Accept clicks plus retraining: ${(retrainMs / 1000).toFixed(1)} s; the bot serves overlay version ${baton.runtime.training.version} (${overlay.examples.length} examples in Redis, version ${overlay.version}).\n`);
    console.log(row(['', 'before', 'after']));
    console.log(row(['---', '---:', '---:']));
    console.log(row(['answered (placed in an intent)', `${placed(before)}/${n} (${pct(placed(before), n)})`, `${placed(after)}/${n} (${pct(placed(after), n)})`]));
    console.log(row(['answered with the intent meant', `${meant(before)}/${n} (${pct(meant(before), n)})`, `${meant(after)}/${n} (${pct(meant(after), n)})`]));
    console.log(row(['answered with a wrong intent', placed(before) - meant(before), placed(after) - meant(after)]));
    console.log('');
    console.log(row(['language', 'messages', 'answered before', 'answered after', 'meant after']));
    console.log(row(['---', '---:', '---:', '---:', '---:']));
    for (const lang of ['en', 'hi', 'hi-Latn', 'ur', 'ne']) {
      const b = before.filter((r) => r.script.lang === lang);
      const a = after.filter((r) => r.script.lang === lang);
      console.log(row([lang, b.length, placed(b), placed(a), meant(a)]));
    }
    if (impact) console.log(`\nThe review list's own figure: of ${impact.scored} review items, the bot answered ${impact.answeredBefore} before the last change and ${impact.answeredAfter} after it.`);
  } finally {
    await baton.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
