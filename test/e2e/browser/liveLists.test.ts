import type { Page } from 'playwright-core';
import { describeWithChromium, useBrowserDesk } from './support/desk';
import { customerSays, logIn, uniqueCustomer } from './support/browser';
import { CARE_AGENT } from './support/seed';
import { eventually } from './support/waits';

jest.setTimeout(60_000);

/** Every GET /api/v1/conversations (a list fetch) the page makes from now on. */
function countListFetches(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname === '/api/v1/conversations') calls.push(url.search);
  });
  return calls;
}

/** Waits until no fetch was added to `calls` for `ms`. */
async function quietFor(calls: string[], ms: number): Promise<void> {
  for (let seen = -1; seen !== calls.length; ) {
    seen = calls.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

describeWithChromium('live inbox lists', () => {
  const desk = useBrowserDesk();

  test('a customer writing in another queued conversation updates its row, and the lists are not fetched again', async () => {
    const { page } = desk.w;
    const ravi = uniqueCustomer('ravi');
    const sunita = uniqueCustomer('sunita');
    await customerSays(desk.baton.url, ravi, 'i want to speak to an agent', 'Ravi');
    await customerSays(desk.baton.url, sunita, 'i want to speak to an agent', 'Sunita');
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    await page.getByTestId('tab-queue:care').click();
    const raviRow = page.getByTestId('conversation-row').filter({ hasText: 'Ravi' });
    const sunitaRow = page.getByTestId('conversation-row').filter({ hasText: 'Sunita' });
    await sunitaRow.waitFor();
    await raviRow.click();
    await page.getByTestId('handoff-packet').waitFor();

    const fetches = countListFetches(page);
    // The stream's first open refetches the lists (events before it were not streamed), later on a
    // loaded machine: counting starts once it is open and the fetches it caused have gone quiet.
    await page.locator('.shell[data-stream="open"]').waitFor();
    await quietFor(fetches, 1500);
    fetches.length = 0;
    await customerSays(desk.baton.url, sunita, 'my parcel SG-5512 is three days late', 'Sunita');
    await eventually(async () => /SG-5512/.test((await sunitaRow.getByTestId('row-preview').textContent()) ?? ''), 'the row shows the new message');
    // Longer than any debounce of a fetch the event could have scheduled.
    await page.waitForTimeout(1500);
    expect(fetches).toEqual([]);
  });
});
