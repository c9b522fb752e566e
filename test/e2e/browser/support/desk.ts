import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, openPage, type WatchedPage } from './browser';
import { startBrowserBaton, type BrowserBaton } from './startBrowserBaton';

/** `describe` when Debian's Chromium is there, `describe.skip` with a clear warning otherwise. */
export function describeWithChromium(name: string, body: () => void): void {
  if (!hasChromium) console.warn(`[browser tests] /usr/bin/chromium not found (set CHROMIUM_PATH): "${name}" SKIPPED`);
  (hasChromium ? describe : describe.skip)(name, body);
}

export interface Desk {
  baton: BrowserBaton;
  browser: Browser;
  /** A fresh page (own cookies) per test, watching every request. */
  w: WatchedPage;
}

/**
 * One seeded Baton and one Chromium per file, a fresh page per test; after each test no request
 * may have left the server's origin (and, unless allowed, no uncaught error in the page).
 */
export function useBrowserDesk(opts: { allowPageErrors?: boolean; env?: Record<string, string>; clock?: () => number } = {}): Desk {
  const desk = {} as Desk;
  beforeAll(async () => {
    desk.baton = await startBrowserBaton({ ...(opts.env ? { env: opts.env } : {}), ...(opts.clock ? { clock: opts.clock } : {}) });
    desk.browser = await launchChromium();
  });
  afterAll(async () => {
    await desk.browser?.close();
    await desk.baton?.close();
  });
  beforeEach(async () => {
    desk.w = await openPage(desk.browser, desk.baton.url);
  });
  afterEach(async () => {
    expect(desk.w.outside).toEqual([]);
    if (!opts.allowPageErrors) expect(desk.w.errors).toEqual([]);
    await desk.w.context.close();
  });
  return desk;
}
