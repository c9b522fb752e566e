/**
 * `npm run bench:conversations`: plays the scripted multi-turn conversations of
 * test/fixtures/conversations/*.yaml (20 or more per language, written freshly: none equals a catalog
 * example) through the real runtime, in process on the embedded store, on the sandbox channel, and
 * reads handoff packets through the agent API. Prints pass rates per behaviour and per language,
 * packet facts kept by kind, and how many replies were in the customer's language.
 *
 * Options: --only <id-substring>, --verbose (every failure, not only the first per conversation),
 * --check (exit 1 below 95% of conversations passed), --dir <folder> (another set of scripts, such as
 * the dev set test/fixtures/conversations-dev that changes are tried on before this set is reported).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createLanguageDetector } from '../../src/nlu/language';
import { defaultCatalog, startTestBaton } from '../support/testBaton';
import { readCatalogTexts } from '../support/conversations/catalogTexts';
import { playConversation, type PlayResult } from '../support/conversations/playConversation';
import { BEHAVIOURS, LANGUAGES, loadConversationScripts } from '../support/conversations/script';

const ADMIN = { email: 'bench-lead@conversations.test', password: 'Conversation-bench-lead-7291' };
const root = path.join(__dirname, '../..');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const verbose = args.includes('--verbose');
  const dir = args.includes('--dir') ? path.resolve(args[args.indexOf('--dir') + 1]!) : path.join(root, 'test/fixtures/conversations');
  const scripts = loadConversationScripts(dir).filter((s) => !only || s.id.includes(only));
  const catalog = await defaultCatalog();
  const texts = readCatalogTexts(path.join(root, 'intents'));
  const detector = createLanguageDetector(catalog);

  const baton = await startTestBaton({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  const results: { script: (typeof scripts)[number]; result: PlayResult }[] = [];
  try {
    const login = await fetch(`${baton.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const runId = randomUUID().slice(0, 6);
    for (const script of scripts) {
      const result = await playConversation(script, { baseUrl: baton.url, agentToken: token, texts, detector, runId });
      results.push({ script, result });
    }
  } finally {
    await baton.close();
  }

  const passed = results.filter((r) => r.result.passed).length;
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

  console.log(`\n## Conversations: ${passed} of ${results.length} passed (${pct(passed, results.length)})\n`);
  console.log(row(['behaviour', 'conversations', 'passed', 'rate']));
  console.log(row(['---', '---:', '---:', '---:']));
  for (const b of BEHAVIOURS) {
    const tagged = results.filter((r) => r.script.behaviours.includes(b));
    const ok = tagged.filter((r) => r.result.passed).length;
    console.log(row([b, tagged.length, ok, pct(ok, tagged.length)]));
  }
  console.log('');
  console.log(row(['language', 'conversations', 'passed', 'rate', 'replies in the language']));
  console.log(row(['---', '---:', '---:', '---:', '---:']));
  for (const lang of LANGUAGES) {
    const mine = results.filter((r) => r.script.lang === lang);
    const ok = mine.filter((r) => r.result.passed).length;
    const judged = mine.reduce((n, r) => n + r.result.replies.judged, 0);
    const matched = mine.reduce((n, r) => n + r.result.replies.matched, 0);
    console.log(row([lang, mine.length, ok, pct(ok, mine.length), `${matched}/${judged} (${pct(matched, judged)})`]));
  }
  const judged = results.reduce((n, r) => n + r.result.replies.judged, 0);
  const matched = results.reduce((n, r) => n + r.result.replies.matched, 0);
  console.log(row(['all', results.length, passed, pct(passed, results.length), `${matched}/${judged} (${pct(matched, judged)})`]));
  console.log('');
  console.log(row(['packet fact', 'expected', 'kept', 'rate']));
  console.log(row(['---', '---:', '---:', '---:']));
  const facts = results.flatMap((r) => r.result.facts);
  for (const kind of [...new Set(facts.map((f) => f.kind))].sort()) {
    const mine = facts.filter((f) => f.kind === kind);
    const kept = mine.filter((f) => f.kept).length;
    console.log(row([kind, mine.length, kept, pct(kept, mine.length)]));
  }
  const kept = facts.filter((f) => f.kept).length;
  console.log(row(['all', facts.length, kept, pct(kept, facts.length)]));

  const failed = results.filter((r) => !r.result.passed);
  if (failed.length) {
    console.log(`\n### Failed (${failed.length})\n`);
    for (const { script, result } of failed) {
      const shown = verbose ? result.failures : result.failures.slice(0, 2);
      console.log(`- ${script.id} [${script.behaviours.join(', ')}]: ${shown.join(' / ')}`);
    }
  }
  if (args.includes('--check') && passed < 0.95 * results.length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
