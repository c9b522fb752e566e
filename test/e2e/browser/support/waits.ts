import type { Page } from 'playwright-core';

/** Polls `check` until it is true or the time is up. */
export async function eventually(check: () => Promise<boolean>, what = 'condition', timeoutMs = 8000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the element with this test id shows text matching `pattern`. */
export async function waitForText(page: Page, testId: string, pattern: RegExp): Promise<void> {
  const el = page.getByTestId(testId).first();
  await el.waitFor();
  await eventually(async () => pattern.test((await el.textContent()) ?? ''), `${testId} to match ${pattern}`);
}
