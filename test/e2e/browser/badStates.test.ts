import { signMessengerBody } from '../../../src/channels/messenger';
import { MESSENGER_TEST_ENV } from '../../support/testBaton';
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
    // The next request meets the ended session. The live stream may meet it first (it is closed
    // when a session ends) and take the page to the login screen before the click: either way counts.
    await page
      .getByTestId('presence-away')
      .click({ timeout: 5000 })
      .catch(() => undefined);
    await waitForText(page, 'login-message', /session has expired/i);
    // The login page renders first and the address is replaced in the effect that follows it.
    await page.waitForURL((url) => url.pathname === '/console/login', { timeout: 5000 });
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

  test('a channel rule shows the server\'s reason where the agent types, and the server refuses a stale send with 422', async () => {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    // A Messenger customer whose last message is 8 days old: past even the HUMAN_AGENT window,
    // so the server itself refuses the agent's reply (422 WINDOW_CLOSED).
    const psid = `7${Date.now()}`.slice(0, 16);
    const at = Date.now() - 8 * 24 * 3600 * 1000;
    const body = JSON.stringify({
      object: 'page',
      entry: [{ id: '107548231234567', time: at, messaging: [{ sender: { id: psid }, recipient: { id: '107548231234567' }, timestamp: at, message: { mid: `m_${psid}`, text: 'agent please' } }] }],
    });
    const res = await fetch(`${desk.baton.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: psid }).click();
    await page.getByTestId('action-claim').click();
    await waitForText(page, 'conversation-status', /^assigned$/);

    // The server's verdict on the window is shown where the agent types, and free text is off.
    await waitForText(page, 'window-notice', /7-day human agent window closed/);
    await expect(page.getByTestId('composer-input').isDisabled()).resolves.toBe(true);

    // If the window closes between loading the conversation and sending (here: the reply is sent
    // anyway through the API, as a stale page would), the server refuses with 422 and the reason.
    const refused = await page.evaluate(async (id) => {
      const r = await fetch(`/api/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Your parcel left the warehouse' }),
      });
      return { status: r.status, body: (await r.json()) as { error: { code: string; message: string } } };
    }, new URL(page.url()).pathname.split('/').pop()!);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('WINDOW_CLOSED');
    expect(refused.body.error.message).toMatch(/7-day human agent window closed/);
  });

  test('a 422 refusal from the server shows its reason next to the composer and keeps the draft', async () => {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    const from = uniqueCustomer('omar');
    await customerSays(desk.baton.url, from, 'agent', 'Omar');
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: 'Omar' }).click();
    await page.getByTestId('action-claim').click();
    await waitForText(page, 'conversation-status', /^assigned$/);

    // The sandbox has no window, so the window closing between page load and send is simulated by
    // answering this one request with the server's exact refusal (the server side of this rule
    // is covered above and in test/integration/handoff/channelWindows.test.ts).
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
