/**
 * The NLU command line:
 *
 *   npm run -s nlu -- check    [--catalog DIR]   validate the catalog, print examples/answers per intent × language
 *   npm run -s nlu -- classify [--catalog DIR]   read messages on stdin (one per line), write one JSON line each
 *
 * DIR defaults to INTENTS_DIR or ./intents. For classify, stdout carries only the JSON lines;
 * everything else goes to stderr.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { isBatonError } from '../errors';
import { loadCatalog } from '../nlu/catalog/loadCatalog';
import { trainClassifier } from '../nlu/classifier';
import { createLanguageDetector } from '../nlu/language';
import type { Catalog, IntentClassifier, LanguageDetector } from '../nlu/types';

const USAGE = `Usage:
  npm run -s nlu -- check [--catalog DIR]      validate the intent catalog and show its coverage
  npm run -s nlu -- classify [--catalog DIR]   classify stdin, one message per line, one JSON line out per line
DIR defaults to $INTENTS_DIR or ./intents.`;

export interface CliArgs {
  command: 'check' | 'classify' | 'help';
  catalogDir: string;
}

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliArgs | { error: string } {
  let command: CliArgs['command'] | undefined;
  let catalogDir = env.INTENTS_DIR || './intents';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--catalog' || arg === '-c') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) return { error: `${arg} needs a directory` };
      catalogDir = value;
      i++;
    } else if (arg.startsWith('--catalog=')) {
      catalogDir = arg.slice('--catalog='.length);
    } else if (arg === '--help' || arg === '-h' || arg === 'help') {
      command = 'help';
    } else if ((arg === 'check' || arg === 'classify') && command === undefined) {
      command = arg;
    } else {
      return { error: `unknown argument "${arg}"` };
    }
  }
  if (command === undefined) return { error: 'missing command (check or classify)' };
  return { command, catalogDir };
}

function padEnd(text: string, width: number): string {
  // Width in code points is good enough for ids and language tags (ASCII).
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/**
 * One row per intent, one column per language: the number of examples, then `+` when the
 * intent has its own answer in that language, `-` when it falls back to the default language
 * (handoff intents show `handoff`).
 */
export function coverageTable(catalog: Catalog): string {
  const langs = catalog.languages;
  const idWidth = Math.max('intent'.length, ...catalog.intents.map((i) => i.id.length)) + 2;
  const colWidth = Math.max(9, ...langs.map((l) => l.length + 2));
  const lines: string[] = [];
  lines.push(padEnd('intent', idWidth) + langs.map((l) => padEnd(l, colWidth)).join('') + 'notes');
  for (const intent of catalog.intents) {
    const cells = langs.map((lang) => {
      const examples = intent.examples[lang]?.length ?? 0;
      const answer = intent.answers[lang] ? '+' : '-';
      return padEnd(`${examples} ${answer}`, colWidth);
    });
    const notes = [
      intent.handoff ? `handoff${intent.team ? `(${intent.team})` : ''}` : '',
      intent.slots.length > 0 ? `slots: ${intent.slots.map((s) => s.name).join(', ')}` : '',
      intent.fulfillment ? 'fulfillment' : '',
    ].filter(Boolean);
    lines.push(padEnd(intent.id, idWidth) + cells.join('') + notes.join('; '));
  }
  const totals = langs.map((lang) =>
    padEnd(String(catalog.intents.reduce((n, i) => n + (i.examples[lang]?.length ?? 0), 0)), colWidth),
  );
  lines.push(padEnd('total', idWidth) + totals.join(''));
  lines.push('');
  lines.push(
    `${catalog.intents.length} intents, ${catalog.languages.length} languages (default ${catalog.defaultLanguage}), ` +
      `${catalog.files.length} files. Cells: examples, then + (own answer) or - (falls back to ${catalog.defaultLanguage}).`,
  );
  return lines.join('\n');
}

const thresholdSchema = z.preprocess(
  (v) => (v === '' || v === undefined ? 0.3 : v),
  z.coerce.number().min(0).max(1),
);

export function outOfScopeThreshold(env: NodeJS.ProcessEnv): number {
  const parsed = thresholdSchema.safeParse(env.NLU_CLARIFY_THRESHOLD);
  if (!parsed.success) throw new Error('NLU_CLARIFY_THRESHOLD must be a number between 0 and 1');
  return parsed.data;
}

export interface ClassifiedLine {
  text: string;
  intent: string | null;
  top: string | null;
  confidence: number;
  lang: string;
  outOfScope: boolean;
}

export function classifyLine(text: string, classifier: IntentClassifier, detector: LanguageDetector): ClassifiedLine {
  const guess = detector.detect(text);
  const result = classifier.classify(text);
  return {
    text,
    intent: result.intent,
    top: result.top,
    confidence: Math.round(result.confidence * 10000) / 10000,
    lang: guess.lang,
    outOfScope: result.outOfScope,
  };
}

function describeError(err: unknown): string {
  if (isBatonError(err)) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

async function runCheck(args: CliArgs, env: NodeJS.ProcessEnv): Promise<number> {
  const catalog = await loadCatalog(args.catalogDir, env);
  process.stdout.write(`${coverageTable(catalog)}\nCatalog ${args.catalogDir} is valid.\n`);
  return 0;
}

/** Answers each line as soon as it arrives (works with a pipe that stays open), in order. */
async function runClassify(args: CliArgs, env: NodeJS.ProcessEnv): Promise<number> {
  const threshold = outOfScopeThreshold(env);
  const started = Date.now();
  const catalog = await loadCatalog(args.catalogDir, env);
  const classifier = trainClassifier(
    catalog.intents.flatMap((intent) =>
      Object.entries(intent.examples).flatMap(([lang, texts]) => texts.map((text) => ({ intent: intent.id, text, lang }))),
    ),
    { outOfScopeThreshold: threshold },
  );
  const detector = createLanguageDetector(catalog);
  process.stderr.write(
    `nlu: trained on ${catalog.intents.length} intents in ${Date.now() - started} ms (out-of-scope below ${threshold}); reading stdin\n`,
  );

  const input = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of input) {
    let out: ClassifiedLine;
    try {
      out = classifyLine(line, classifier, detector);
    } catch (err) {
      process.stderr.write(`nlu: could not classify a line: ${describeError(err)}\n`);
      out = { text: line, intent: null, top: null, confidence: 0, lang: catalog.defaultLanguage, outOfScope: true };
    }
    if (!process.stdout.write(`${JSON.stringify(out)}\n`)) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }
  return 0;
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = parseArgs(argv, env);
  if ('error' in args) {
    process.stderr.write(`nlu: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return args.command === 'check' ? await runCheck(args, env) : await runClassify(args, env);
  } catch (err) {
    process.stderr.write(`nlu: ${describeError(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // The reader went away (e.g. `| head`): stop quietly.
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  main(process.argv.slice(2), process.env).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`nlu: ${describeError(err)}\n`);
      process.exitCode = 1;
    },
  );
}
