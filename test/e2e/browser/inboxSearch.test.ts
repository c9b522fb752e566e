import type { Page } from 'playwright-core';
import { customerSays, logIn, sandboxTranscript, uniqueCustomer } from './support/browser';
import { describeWithChromium, useBrowserDesk } from './support/desk';
import { CARE_AGENT } from './support/seed';
import { eventually, waitForText } from './support/waits';

jest.setTimeout(90_000);

/** Elements (visible) whose box reaches past the viewport's right edge, and the page's own overflow. */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const width = window.innerWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    for (const root of Array.from(document.querySelectorAll(sel))) {
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right > width + 0.5 || r.left < -0.5) out.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className || '-'} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
    }
    return out;
  }, selector);
}

describeWithChromium('inbox search, filters and the phone-sized console', () => {
  const desk = useBrowserDesk();

  test('an agent finds a conversation by the order number the customer wrote, and opens it', async () => {
    const { page } = desk.w;
    const turn = await customerSays(desk.baton.url, uniqueCustomer('ord'), 'i want to speak to an agent, my order SG-660021 is late', 'Ordhan');
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    await page.getByTestId('search-input').fill('sg660021');
    await page.getByTestId('search-submit').click();
    const hit = page.getByTestId('search-results').getByTestId('conversation-row');
    await hit.first().waitFor();
    expect(await hit.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')))).toEqual([turn.conversationId]);
    await expect(hit.getByTestId('row-note').textContent()).resolves.toMatch(/matched order number/);
    await hit.click();
    await waitForText(page, 'conversation-customer', /Ordhan/);
  });

  test('an agent finds a conversation by the phone the customer wrote, typed their own way', async () => {
    const { page } = desk.w;
    const turn = await customerSays(desk.baton.url, uniqueCustomer('ph'), 'please call me back on 98220 11223, i need a person', 'Phoolan');
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    await page.getByTestId('search-input').fill('+91-9822011223');
    await page.keyboard.press('Enter');
    const hit = page.getByTestId('search-results').getByTestId('conversation-row');
    await hit.first().waitFor();
    expect(await hit.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')))).toEqual([turn.conversationId]);
    await expect(hit.getByTestId('row-note').textContent()).resolves.toMatch(/matched phone/);
  });

  test('filtering by language lists the Urdu conversation and not the English one', async () => {
    const { page } = desk.w;
    const urdu = await customerSays(desk.baton.url, uniqueCustomer('ur'), 'مجھے کسی انسان سے بات کرنی ہے، آپ میری مدد نہیں کر رہے', 'Zainab');
    const english = await customerSays(desk.baton.url, uniqueCustomer('en'), 'i want to speak to an agent', 'Edward');
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-language').selectOption('ur');
    const rows = page.getByTestId('conversation-list').getByTestId('conversation-row');
    await rows.filter({ hasText: 'Zainab' }).waitFor();
    const ids = await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-conversation-id')));
    expect(ids).toContain(urdu.conversationId);
    expect(ids).not.toContain(english.conversationId);
  });

  test('the "Unassigned" saved view lists queued conversations, with the customer\'s last words as the preview', async () => {
    const { page } = desk.w;
    await customerSays(desk.baton.url, uniqueCustomer('pre'), 'i want to speak to an agent about my broken fridge', 'Prem');
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    await page.getByTestId('view-unassigned').click();
    const row = page.getByTestId('conversation-list').getByTestId('conversation-row').filter({ hasText: 'Prem' });
    await row.waitFor();
    await expect(row.getByTestId('row-preview').textContent()).resolves.toBe('i want to speak to an agent about my broken fridge');
  });

  test('at 390 px wide: the list, then the conversation, then the composer, nothing past the edge', async () => {
    const { page } = desk.w;
    await page.setViewportSize({ width: 390, height: 844 });
    const from = uniqueCustomer('narrow');
    await customerSays(desk.baton.url, from, 'i want to speak to an agent, the parcel SG-551122 never came', 'Nandini Narrowfield');
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    await page.getByTestId('tab-queue:care').click();
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Nandini' });
    await row.waitFor();
    expect(await overflowing(page, '.header, .inbox__lists')).toEqual([]);
    expect(await page.getByTestId('no-conversation').isVisible()).toBe(false);

    await row.click();
    await page.getByTestId('conversation-view').waitFor();
    expect(await page.getByTestId('conversation-list').isVisible()).toBe(false);
    await page.getByTestId('action-claim').click();
    await waitForText(page, 'conversation-status', /^assigned$/);
    expect(await overflowing(page, '.header, .inbox__main')).toEqual([]);

    const composer = page.getByTestId('composer-input');
    await composer.scrollIntoViewIfNeeded();
    await composer.fill('We are on it: your parcel leaves today.');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('message').filter({ hasText: 'your parcel leaves today' }).waitFor();
    await eventually(async () => (await sandboxTranscript(desk.baton.url, from)).some((m) => m.author === 'agent'));
    expect(await overflowing(page, '.header, .inbox__main')).toEqual([]);

    await page.getByTestId('back-to-list').click();
    await page.getByTestId('conversation-list').waitFor();
    expect(await page.getByTestId('conversation-view').count()).toBe(0);
  });
});
