import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Shared by the browser tests and the screenshot script: a headless Chromium (Debian's, no
 * download), pages that record every request leaving the server's origin, and the console build.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '../../../..');
export const CONSOLE_DIST = path.join(ROOT, 'dist/console');

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

export const ADMIN = { email: 'lead@baton.test', password: 'lead-password-1' };

/**
 * Builds dist/console if it is missing. Under jest, the global setup has already rebuilt it from
 * the current sources once for the whole run (so no test sees a stale bundle, and parallel test
 * files never rewrite it while another one is serving it).
 */
export function ensureConsoleBuilt(): void {
  if (existsSync(path.join(CONSOLE_DIST, 'index.html'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-console.mjs')], { stdio: 'pipe' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** URLs of requests that went anywhere but the server's origin (should stay empty). */
  outside: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/** A fresh context (own cookies) sized like a 1366×768 laptop, watching every request; `timezoneId` sets the browser's time zone. */
export async function openPage(browser: Browser, baseUrl: string, opts: { timezoneId?: string } = {}): Promise<WatchedPage> {
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: baseUrl, ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}) });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  // context-wide: covers iframes (the simulator embeds the console) and any popup.
  context.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) outside.push(url);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, outside, errors };
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/console/');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('conversation-list').waitFor();
}

/** A customer on the sandbox channel (what a phone would send). */
export async function customerSays(baseUrl: string, from: string, text: string, name?: string): Promise<{ status: string; conversationId: string | null }> {
  const res = await fetch(`${baseUrl}/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, text, ...(name ? { name } : {}), wait: 5000 }),
  });
  if (res.status >= 300) throw new Error(`sandbox answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { status: string; conversationId: string | null };
}

export interface SandboxTranscriptMessage {
  author: string;
  direction: string;
  text?: string;
}

/** What the customer's side of the sandbox channel holds. */
export async function sandboxTranscript(baseUrl: string, from: string): Promise<SandboxTranscriptMessage[]> {
  const res = await fetch(`${baseUrl}/sandbox/conversations/${encodeURIComponent(from)}`);
  if (!res.ok) return [];
  const body = (await res.json()) as { messages: SandboxTranscriptMessage[] };
  return body.messages;
}

/** The agent API with a bearer token (seeding agents and canned answers). */
export async function apiAs(baseUrl: string, email: string, password: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login as ${email} failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return async <T = unknown>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export const uniqueCustomer = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}`;
