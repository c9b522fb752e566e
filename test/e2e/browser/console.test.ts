import { describeWithChromium, useBrowserDesk } from './support/desk';
import { customerSays, logIn, sandboxTranscript, uniqueCustomer } from './support/browser';
import { CARE_AGENT, DESK, REFUND_ANSWER } from './support/seed';
import { eventually, waitForText } from './support/waits';


jest.setTimeout(60_000);

describeWithChromium('agent console', () => {
  const desk = useBrowserDesk();

  test('shows the reason when the e-mail or password is wrong', async () => {
    await desk.w.page.goto('/console/');
    await desk.w.page.getByTestId('login-email').fill(DESK.email);
    await desk.w.page.getByTestId('login-password').fill('not-the-password');
    await desk.w.page.getByTestId('login-submit').click();
    await waitForText(desk.w.page, 'login-error', /./);
    expect(new URL(desk.w.page.url()).pathname).toBe('/console/login');
  });

  test('a new escalation appears live in the care queue, bumps the title, and is handled to the end', async () => {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    await page.getByTestId('tab-queue:care').click();
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    const from = uniqueCustomer('meera');
    await customerSays(desk.baton.url, from, 'i want to speak to an agent', 'Meera');

    const row = page.getByTestId('conversation-row').filter({ hasText: 'Meera' });
    await row.waitFor();
    await expect(page.title()).resolves.toMatch(/^\(\d+\) Baton$/);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await expect(row.getByTestId('row-waiting').textContent()).resolves.toMatch(/^waiting \d+s$/);

    await row.click();
    await page.getByTestId('handoff-packet').waitFor();
    await waitForText(desk.w.page, 'packet-reason', /person|Topic always goes/);
    await waitForText(desk.w.page, 'packet-summary', /asked for a person/);

    await page.keyboard.press('c');
    await waitForText(desk.w.page, 'conversation-status', /^assigned$/);

    await page.keyboard.press('r');
    await page.keyboard.type('/ref');
    await page.getByTestId('canned-popup').waitFor();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('composer-input').inputValue()).resolves.toBe(REFUND_ANSWER);
    await page.keyboard.press('Enter');

    await page.getByTestId('message').filter({ hasText: REFUND_ANSWER }).getByTestId('ticks').waitFor();
    await eventually(async () => (await sandboxTranscript(desk.baton.url, from)).some((m) => m.author === 'agent' && m.text === REFUND_ANSWER));

    await page.getByTestId('action-transfer').click();
    await page.getByTestId('transfer-team').selectOption('sales');
    await page.getByTestId('transfer-note').fill('Asks about a bulk order');
    await page.getByTestId('transfer-submit').click();
    await page.getByTestId('transfer-dialog').waitFor({ state: 'detached' });
    await waitForText(desk.w.page, 'conversation-status', /^queued$/);
    await page.getByTestId('message').filter({ hasText: 'Asks about a bulk order' }).waitFor();

    await page.getByTestId('action-resolve').click();
    await waitForText(desk.w.page, 'conversation-status', /^resolved$/);
  });

  test('the packet lists the facts the customer gave, the wrong-format one flagged unverified', async () => {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    await page.getByTestId('tab-queue:care').click();
    const from = uniqueCustomer('tara');
    await customerSays(desk.baton.url, from, 'i want to speak to an agent, order SG-4829 never came, call 98765 43210', 'Tara');
    await page.getByTestId('conversation-row').filter({ hasText: 'Tara' }).click();
    const facts = page.getByTestId('packet-facts');
    await facts.waitFor();
    const phone = facts.locator('[data-verified="true"]').filter({ hasText: '+919876543210' });
    const order = facts.locator('[data-verified="false"]').filter({ hasText: 'SG-4829' });
    await phone.waitFor();
    await order.waitFor();
    await expect(order.textContent()).resolves.toMatch(/unverified/);
    await expect(phone.textContent()).resolves.not.toMatch(/unverified/);
  });

  test('a care agent sees only their queue and Mine; a private note stays off the channel', async () => {
    const { page } = desk.w;
    await logIn(page, CARE_AGENT.email, CARE_AGENT.password);
    await expect(page.getByTestId('tab-all').count()).resolves.toBe(0);
    await expect(page.getByTestId('nav-dashboard').count()).resolves.toBe(0);

    const from = uniqueCustomer('ravi');
    await customerSays(desk.baton.url, from, 'connect me to a real person', 'Ravi');
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Ravi' });
    await row.click();
    await page.getByTestId('action-claim').click();
    await waitForText(desk.w.page, 'conversation-status', /^assigned$/);

    await page.getByTestId('composer-note-toggle').check();
    await page.getByTestId('composer-input').fill('VIP cousin of the owner, be kind');
    await page.getByTestId('composer-send').click();
    const note = page.locator('[data-testid="message"][data-kind="note"]').filter({ hasText: 'VIP cousin' });
    await note.waitFor();
    expect((await sandboxTranscript(desk.baton.url, from)).some((m) => m.text?.includes('VIP cousin') && m.direction !== 'internal')).toBe(false);

    await page.getByTestId('tab-mine').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Ravi' }).waitFor();
  });

  test('Urdu text flows right to left in the transcript', async () => {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    const from = uniqueCustomer('imran');
    await customerSays(desk.baton.url, from, 'مجھے نمائندے سے بات کرنی ہے', 'Imran');
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Imran' }).click();
    const text = page.locator('[data-kind="customer"] .msg__text').filter({ hasText: 'نمائندے' });
    await text.waitFor();
    expect(await text.getAttribute('dir')).toBe('auto');
    expect(await text.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  });
});
