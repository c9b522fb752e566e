import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, coverageTable } from '../../../src/cli/nlu';
import { loadCatalog } from '../../../src/nlu/catalog/loadCatalog';

const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'src/cli/nlu.ts');
const GOOD = 'test/fixtures/catalogs/good';
const BROKEN = 'test/fixtures/catalogs/broken';
const INTENT_IDS = ['order_status', 'refund_status', 'store_hours', 'talk_to_human'];

/** The environment of a CLI run: no INTENTS_DIR or thresholds leaking in from the test runner. */
function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('INTENTS_DIR' in extra)) delete env.INTENTS_DIR;
  if (!('NLU_CLARIFY_THRESHOLD' in extra)) delete env.NLU_CLARIFY_THRESHOLD;
  return env;
}

function runCli(args: string[], input = '', env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--require', 'tsx/cjs', CLI, ...args], {
    cwd: ROOT,
    input,
    env: cliEnv(env),
    encoding: 'utf8',
    timeout: 30000,
  });
}

describe('nlu CLI: classify', () => {
  it('writes exactly one JSON line per input line, in order, including empty lines', () => {
    const inputs = ['where is my order', '', 'mera order kab aayega bro?', 'मेरो अर्डर कहिले आउँछ', 'میرا آرڈر کہاں ہے', '12345'];
    const run = runCli(['classify', '--catalog', GOOD], `${inputs.join('\n')}\n`);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(inputs.length);
    const results = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(results.map((r) => r.text)).toEqual(inputs);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(['text', 'intent', 'top', 'confidence', 'lang', 'outOfScope']);
      expect(INTENT_IDS).toContain(r.top);
      expect(r.intent).toBe(r.outOfScope ? null : r.top);
      expect(typeof r.confidence).toBe('number');
    }
    expect(results.map((r) => r.lang)).toEqual(['en', 'en', 'hi-Latn', 'ne', 'ur', 'en']);
  });

  it('answers the last line even without a final newline', () => {
    const run = runCli(['classify', '--catalog', GOOD], 'where is my order\nrefund please');
    expect(run.stdout.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['where is my order', 'refund please']);
  });

  it('marks everything out of scope when NLU_CLARIFY_THRESHOLD is 1', () => {
    const run = runCli(['classify', '--catalog', GOOD], 'where is my order\n', { NLU_CLARIFY_THRESHOLD: '1' });
    const result = JSON.parse(run.stdout.trim());
    expect(result).toMatchObject({ intent: null, outOfScope: true });
  });

  it('keeps logs on stderr', () => {
    const run = runCli(['classify', '--catalog', GOOD], 'hello\n');
    expect(run.stderr).toContain('nlu: trained on 4 intents');
    expect(run.stdout).not.toContain('trained');
  });

  it('answers each line as it arrives on a pipe that stays open', async () => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', CLI, 'classify', '--catalog', GOOD], {
      cwd: ROOT,
      env: cliEnv(),
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const output = createInterface({ input: child.stdout });
    const lines = output[Symbol.asyncIterator]();
    try {
      for (const text of ['where is my order', 'bhai refund kab milega']) {
        child.stdin.write(`${text}\n`);
        const next = await lines.next();
        expect(JSON.parse(next.value as string).text).toBe(text);
      }
    } finally {
      child.stdin.end();
    }
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });

  it('exits 1 with the catalog errors on stderr and nothing on stdout when the catalog is broken', () => {
    const run = runCli(['classify', '--catalog', BROKEN], 'hello\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('broken/orders.yaml: intents[0].examples.hi[1]');
  });
});

describe('nlu CLI: check', () => {
  it('prints examples and answers per intent and language and exits 0 for a valid catalog', () => {
    const run = runCli(['check', '--catalog', GOOD]);
    expect(run.status).toBe(0);
    const [header, ...rows] = run.stdout.split('\n');
    expect(header?.split(/\s+/).slice(0, 6)).toEqual(['intent', 'en', 'hi', 'hi-Latn', 'ur', 'ne']);
    expect(rows.find((r) => r.startsWith('refund_status'))?.split(/\s+/).slice(1, 11)).toEqual(
      ['4', '+', '3', '+', '3', '-', '2', '-', '3', '-'],
    );
    expect(run.stdout).toContain('is valid');
  });

  it('exits 1 and names the file and the path of each problem for a broken catalog', () => {
    const run = runCli(['check', '--catalog', BROKEN]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken/orders.yaml: intents[0].examples.hi[1]: expected a non-empty string');
    expect(run.stderr).toContain('broken/orders.yaml: intents[1].exampels: unknown key "exampels"');
    expect(run.stderr).toContain('broken/syntax.yaml: invalid YAML');
  });

  it('exits 1 for a missing catalog directory', () => {
    const run = runCli(['check', '--catalog', 'test/fixtures/catalogs/does-not-exist']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('does not exist');
  });

  it('uses INTENTS_DIR when no --catalog is given', () => {
    const run = runCli(['check'], '', { INTENTS_DIR: 'test/fixtures/catalogs/minimal' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('greeting');
  });

  it('exits 2 with the usage for an unknown argument', () => {
    const run = runCli(['chekc']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage');
  });
});

describe('nlu CLI: argument parsing', () => {
  it('defaults the catalog to INTENTS_DIR, then ./intents', () => {
    expect(parseArgs(['check'], { INTENTS_DIR: '/srv/intents' })).toEqual({ command: 'check', catalogDir: '/srv/intents' });
    expect(parseArgs(['check'], {})).toEqual({ command: 'check', catalogDir: './intents' });
  });

  it('takes --catalog DIR and --catalog=DIR', () => {
    expect(parseArgs(['classify', '--catalog', 'x'], {})).toEqual({ command: 'classify', catalogDir: 'x' });
    expect(parseArgs(['--catalog=y', 'classify'], {})).toEqual({ command: 'classify', catalogDir: 'y' });
  });

  it('rejects --catalog without a directory and a missing command', () => {
    expect(parseArgs(['check', '--catalog'], {})).toEqual({ error: '--catalog needs a directory' });
    expect(parseArgs([], {})).toEqual({ error: 'missing command (check or classify)' });
  });
});

describe('coverageTable', () => {
  it('marks handoff intents and intents with slots', async () => {
    const table = coverageTable(await loadCatalog(join(ROOT, GOOD), {}));
    expect(table).toMatch(/^talk_to_human .*handoff\(care\)$/m);
    expect(table).toMatch(/^order_status .*slots: order_number$/m);
  });
});
