/**
 * The README's pictures, taken from a seeded desk (npm run screenshots), into docs/screenshots/.
 *
 * Starts `npm run seed:demo` embedded (dist/demo/seedDemoCli.js: a made-up month of the Sargam care
 * desk in five languages, then serving it) on a free port, and photographs the console at 1366×768
 * (and one phone at 390×844) signed in as the demo admin. Fonts: scripts/ensure-fonts.sh (run by the
 * npm script) installs the Noto fonts that draw Devanagari and Urdu.
 *
 *   SEED_CONVERSATIONS=N  how big a month to seed (default 800; more makes a fuller dashboard, slower)
 *   SEED=N                the month's random seed (default 42: the same pictures every time)
 *   BATON_URL=http://…    photograph a desk already seeded and running instead (its demo logins must work)
 *   SCREENSHOTS_DIR=…     where the files go (default docs/screenshots)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../../src/demo/seedDemo';
import { apiAs, customerSays, ensureConsoleBuilt, launchChromium, logIn, openPage, ROOT, uniqueCustomer } from './support/browser';

const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? path.join(ROOT, 'docs/screenshots'));
const ADMIN = DEMO_AGENTS.find((a) => a.role === 'admin')!;
/** The demo desk works on India time (its customers' busy hours are IST). */
const DESK_TIME = { timezoneId: 'Asia/Kolkata' };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Seeds an embedded desk and resolves once it serves (the CLI says so on stdout). */
async function startSeededDesk(): Promise<{ url: string; child?: ChildProcess }> {
  if (process.env.BATON_URL) return { url: process.env.BATON_URL.replace(/\/$/, '') };
  const port = await freePort();
  const conversations = process.env.SEED_CONVERSATIONS ?? '800';
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/demo/seedDemoCli.js'), '--conversations', conversations, '--seed', process.env.SEED ?? '42', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', REDIS_URL: '', LOG_LEVEL: 'error', CONSOLE_ENABLED: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('The demo desk is up')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`seed:demo exited (${code}) before serving`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

interface Item {
  id: string;
  status: string;
  language?: string;
  team?: string;
  channel: string;
}
interface Detail {
  packet: { facts?: unknown[] } | null;
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/** The first conversation of the list matching `want` whose packet lists facts (else any with a packet). */
async function findConversation(api: Api, want: (c: Item) => boolean): Promise<string> {
  const items = (await api<{ items: Item[] }>('GET', '/conversations?limit=500')).items.filter(want);
  let fallback: string | undefined;
  for (const c of items.sort((a, b) => Number(b.status === 'queued') - Number(a.status === 'queued'))) {
    const d = await api<Detail>('GET', `/conversations/${c.id}`);
    if (d.packet?.facts?.length) return c.id;
    if (d.packet) fallback ??= c.id;
  }
  if (!fallback) throw new Error('no escalated conversation of that kind in the seeded month: seed more (SEED_CONVERSATIONS)');
  return fallback;
}

async function openConversation(page: Page, id: string): Promise<void> {
  await page.goto(`/console/c/${encodeURIComponent(id)}`);
  await page.getByTestId('conversation-view').waitFor();
  await page.getByTestId('handoff-packet').waitFor();
}

async function main(): Promise<void> {
  ensureConsoleBuilt();
  mkdirSync(OUT, { recursive: true });
  const { url, child } = await startSeededDesk();
  const browser = await launchChromium();
  try {
    const api = await apiAs(url, ADMIN.email, DEMO_PASSWORD);
    // A customer writing now, so the picture shows an agent taking a fresh conversation.
    const meera = uniqueCustomer('meera');
    await customerSays(url, meera, 'hi, my order SG-482913 for the Nova 5G still shows processing', 'Meera Nair');
    const asked = await customerSays(url, meera, 'can i talk to a real person pls', 'Meera Nair');
    if (!asked.conversationId) throw new Error('the sandbox did not open a conversation');
    const english = asked.conversationId;
    const urdu = await findConversation(api, (c) => c.language === 'ur');
    const hindi = await findConversation(api, (c) => c.language === 'hi');

    const { page, outside } = await openPage(browser, url, DESK_TIME);
    await page.goto('/console/');
    await page.getByTestId('login-form').waitFor();
    await page.screenshot({ path: path.join(OUT, 'console-login.png') });

    await logIn(page, ADMIN.email, DEMO_PASSWORD);
    // The queues as the month ends, one waiting conversation open.
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').first().waitFor();
    const others = page.getByTestId('conversation-row').filter({ hasNotText: 'Meera Nair' });
    await ((await others.count()) > 0 ? others : page.getByTestId('conversation-row')).first().click();
    await page.getByTestId('conversation-view').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'console-inbox.png') });

    await openConversation(page, english);
    await page.getByTestId('action-claim').click();
    await page.locator('[data-testid="conversation-status"]', { hasText: 'assigned' }).waitFor();
    await page.getByTestId('composer-input').fill('Hi! I am checking your order now, one moment.');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('message').filter({ hasText: 'checking your order' }).waitFor();
    await page.getByTestId('composer-note-toggle').check();
    await page.getByTestId('composer-input').fill('Customer asked twice already; prioritise.');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('message').filter({ hasText: 'prioritise' }).waitFor();
    await page.getByTestId('composer-note-toggle').uncheck();
    await page.screenshot({ path: path.join(OUT, 'console-conversation.png') });

    await page.getByTestId('composer-input').fill('/re');
    await page.getByTestId('canned-popup').waitFor();
    await page.screenshot({ path: path.join(OUT, 'console-canned-answers.png') });
    await page.getByTestId('composer-input').fill('');

    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('tab-queue:care-south').click();
    await openConversation(page, urdu);
    await page.screenshot({ path: path.join(OUT, 'console-urdu.png') });

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(OUT, 'dashboard.png'), fullPage: true });

    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'admin.png') });

    const phone = await openPage(browser, url, DESK_TIME);
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await logIn(phone.page, ADMIN.email, DEMO_PASSWORD);
    await openConversation(phone.page, hindi);
    await phone.page.screenshot({ path: path.join(OUT, 'console-phone.png') });

    const sim = await openPage(browser, url, DESK_TIME);
    await sim.page.goto('/simulator');
    await sim.page.getByTestId('sim-name').fill('Kiran');
    await sim.page.getByTestId('sim-input').fill('mera order kab aayega?');
    await sim.page.getByTestId('sim-send').click();
    await sim.page.getByTestId('sim-quick-reply').first().waitFor().catch(() => undefined);
    const frame = sim.page.frameLocator('[data-testid="console-frame"]');
    await frame.getByTestId('login-email').fill(ADMIN.email);
    await frame.getByTestId('login-password').fill(DEMO_PASSWORD);
    await frame.getByTestId('login-submit').click();
    await frame.getByTestId('conversation-list').waitFor();
    await sim.page.waitForTimeout(500);
    await sim.page.screenshot({ path: path.join(OUT, 'simulator.png') });

    const leaks = [...outside, ...phone.outside, ...sim.outside];
    if (leaks.length) throw new Error(`requests left the origin: ${leaks.join(', ')}`);
    console.log(`screenshots written to ${path.relative(process.cwd(), OUT) || '.'}`);
  } finally {
    await browser.close();
    child?.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
