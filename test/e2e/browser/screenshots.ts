/**
 * Screenshots of the console, the simulator and the dashboard into docs/screenshots/ (npm run screenshots).
 *
 * Starts the built server (`node dist/main.js`, so run `npm run build` first) on a free port with a
 * bootstrap admin and the sandbox, plays a few customers through the sandbox, and photographs the
 * pages at 1366×768. BATON_URL=http://host:port uses a running server instead (its admin must be
 * ADMIN_EMAIL/ADMIN_PASSWORD below); SCREENSHOTS_DIR changes where the files go.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { ADMIN, customerSays, ensureConsoleBuilt, launchChromium, logIn, openPage, ROOT, uniqueCustomer } from './support/browser';
import { DESK, seedDesk } from './support/seed';

const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? path.join(ROOT, 'docs/screenshots'));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > until) throw new Error(`Baton did not answer on ${url}/healthz within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function startServer(): Promise<{ url: string; child?: ChildProcess }> {
  if (process.env.BATON_URL) return { url: process.env.BATON_URL.replace(/\/$/, '') };
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SANDBOX_ENABLED: 'true',
      CONSOLE_ENABLED: 'true',
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url);
  return { url, child };
}

async function main(): Promise<void> {
  ensureConsoleBuilt();
  mkdirSync(OUT, { recursive: true });
  const { url, child } = await startServer();
  const browser = await launchChromium();
  try {
    await seedDesk(url).catch((err: Error) => console.warn(`seeding skipped (${err.message.slice(0, 120)})`));
    await customerSays(url, uniqueCustomer('shot'), 'mera order abhi tak nahi aaya, insaan se baat karni hai', 'Asha Verma');
    await customerSays(url, uniqueCustomer('shot'), 'مجھے نمائندے سے بات کرنی ہے', 'Imran Qureshi');
    const meera = uniqueCustomer('shot');
    await customerSays(url, meera, 'where is my order?', 'Meera');
    await customerSays(url, meera, 'i want to speak to an agent', 'Meera');

    const { page, outside } = await openPage(browser, url);
    await page.goto('/console/');
    await page.getByTestId('login-form').waitFor();
    await page.screenshot({ path: path.join(OUT, 'console-login.png') });

    await logIn(page, DESK.email, DESK.password);
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Meera' }).click();
    await page.getByTestId('handoff-packet').waitFor();
    await page.getByTestId('action-claim').click();
    await page.locator('[data-testid="conversation-status"]', { hasText: 'assigned' }).waitFor();
    await page.getByTestId('composer-input').fill('Hi Meera, I am checking your order now.');
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

    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Imran' }).click();
    await page.getByTestId('handoff-packet').waitFor();
    await page.screenshot({ path: path.join(OUT, 'console-urdu.png') });

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'dashboard.png'), fullPage: true });

    const sim = await openPage(browser, url);
    await sim.page.goto('/simulator');
    await sim.page.getByTestId('sim-name').fill('Kiran');
    await sim.page.getByTestId('sim-input').fill('hello');
    await sim.page.getByTestId('sim-send').click();
    await sim.page.getByTestId('sim-quick-reply').first().waitFor();
    const frame = sim.page.frameLocator('[data-testid="console-frame"]');
    await frame.getByTestId('login-email').fill(DESK.email);
    await frame.getByTestId('login-password').fill(DESK.password);
    await frame.getByTestId('login-submit').click();
    await frame.getByTestId('conversation-list').waitFor();
    await sim.page.waitForTimeout(500);
    await sim.page.screenshot({ path: path.join(OUT, 'simulator.png') });

    const leaks = [...outside, ...sim.outside];
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
