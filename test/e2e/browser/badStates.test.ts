import { describeWithChromium, useBrowserDesk } from './support/desk';
import { customerSays, logIn, uniqueCustomer } from './support/browser';
import { DESK } from './support/seed';
import { waitForText } from './support/waits';


jest.setTimeout(60_000);

describeWithChromium('the console in bad states', () => {
  const desk = useBrowserDesk({ allowPageErrors: true });

  test('an ended session sends the agent back to the login page with a message', async () => {
    const { page, context } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    // End the session on the server (as expiry or a logout elsewhere would), keeping the page as it is.
    const out = await context.request.post('/api/v1/auth/logout');
    expect(out.ok()).toBe(true);
    await page.getByTestId('presence-away').click();
    await waitForText(page, 'login-message', /session has expired/i);
    expect(new URL(page.url()).pathname).toBe('/console/login');
  });

  test('a lost event stream shows "Reconnecting…", then reconnects and catches up without a reload', async () => {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    let cut = true;
    await page.route('**/api/v1/events**', (route) => (cut ? route.abort('connectionreset') : route.continue()));
    await page.reload();
    await page.getByTestId('reconnect-banner').waitFor();
    await page.getByTestId('tab-queue:care').click();

    const from = uniqueCustomer('nisha');
    await customerSays(desk.baton.url, from, 'talk to a human', 'Nisha');
    cut = false;

    await page.getByTestId('reconnect-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('conversation-row').filter({ hasText: 'Nisha' }).waitFor();
  });

  test('a reply the channel refuses (422) shows the reason next to the composer', async () => {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    const from = uniqueCustomer('omar');
    await customerSays(desk.baton.url, from, 'agent', 'Omar');
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Omar' }).click();
    await page.getByTestId('action-claim').click();
    await waitForText(page, 'conversation-status', /^assigned$/);

    // The sandbox channel has no 24-hour rule, so the refusal is made here, in the exact shape
    // the API gives a WhatsApp reply outside its window (BatonError WINDOW_CLOSED → 422).
    const reason = 'More than 24 hours since the customer last wrote: WhatsApp only accepts an approved template now';
    await page.route('**/api/v1/conversations/*/messages', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'WINDOW_CLOSED', message: reason, details: { code: 'TEMPLATE_REQUIRED' } } }),
      }),
    );
    await page.getByTestId('composer-input').fill('Your parcel left the warehouse');
    await page.getByTestId('composer-send').click();
    await waitForText(page, 'composer-error', /refused/);
    await waitForText(page, 'composer-error', /approved template/);
    await expect(page.getByTestId('composer-input').inputValue()).resolves.toBe('Your parcel left the warehouse');
  });
});
