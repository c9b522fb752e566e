import { signMessengerBody } from '../../../src/channels/messenger';
import { MESSENGER_TEST_ENV } from '../../support/testBaton';
import { customerSays, logIn, uniqueCustomer } from './support/browser';
import { describeWithChromium, useBrowserDesk } from './support/desk';
import { DESK } from './support/seed';
import { waitForText } from './support/waits';

jest.setTimeout(60_000);

const PAGE_ID = '107548231234567';

/** A signed Messenger webhook, as Meta would post it. */
async function messengerSays(baseUrl: string, psid: string, message: Record<string, unknown>, at: number): Promise<void> {
  const body = JSON.stringify({
    object: 'page',
    entry: [{ id: PAGE_ID, time: at, messaging: [{ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: at, message: { mid: `m_${psid}_${at}`, ...message } }] }],
  });
  const res = await fetch(`${baseUrl}/webhooks/messenger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) },
    body,
  });
  expect(res.status).toBe(200);
}

describeWithChromium('customer content is shown inert to agents', () => {
  const desk = useBrowserDesk();

  test('only https and same-origin media become links or images; javascript:, data: and http: elsewhere stay text', async () => {
    const { page } = desk.w;
    const psid = `8${Date.now()}`.slice(0, 16);
    const now = Date.now();
    await messengerSays(
      desk.baton.url,
      psid,
      {
        attachments: [
          { type: 'fallback', payload: { url: 'javascript:alert(document.cookie)', title: 'Your parcel' } },
          { type: 'file', payload: { url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' } },
          { type: 'image', payload: { url: 'http://evil.example/track.png' } },
          { type: 'file', payload: { url: 'https://cdn.fbsbx.com/v/t59/invoice%E2%80%AEfdp.exe?dl=1' } },
          { type: 'image', payload: { url: `${desk.baton.url}/healthz` } },
        ],
      },
      now - 2000,
    );
    await messengerSays(desk.baton.url, psid, { text: 'I want to talk to a person' }, now - 1000);

    await logIn(page, DESK.email, DESK.password);
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: psid }).click();
    await page.getByTestId('media-unsafe').first().waitFor();

    const shown = await page.evaluate(() => ({
      links: Array.from(document.querySelectorAll<HTMLAnchorElement>('.conv a[href]')).map((a) => a.getAttribute('href') ?? ''),
      images: Array.from(document.querySelectorAll<HTMLImageElement>('.conv img')).map((i) => i.getAttribute('src') ?? ''),
      unsafe: Array.from(document.querySelectorAll('[data-testid="media-unsafe"]')).map((e) => e.textContent ?? ''),
      fileName: document.querySelector('[data-testid="media-file-name"]')?.textContent ?? '',
    }));
    expect(shown.unsafe).toEqual([
      'other: javascript:alert(document.cookie)',
      'file: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'image: http://evil.example/track.png',
    ]);
    for (const url of [...shown.links, ...shown.images]) expect(url).toMatch(/^(https:|\/|http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(shown.links).toEqual(expect.arrayContaining(['https://cdn.fbsbx.com/v/t59/invoice%E2%80%AEfdp.exe?dl=1', `${desk.baton.url}/healthz`]));
    expect(shown.images).toEqual([`${desk.baton.url}/healthz`]);
    // The file name is shown with its override made visible: never "invoiceexe.pdf".
    expect(shown.fileName).toBe('invoice‹RLO›fdp.exe');
  });

  test('a right-to-left override in a name or a message is shown, while Urdu still reads right to left', async () => {
    const { page } = desk.w;
    const from = uniqueCustomer('bidi');
    await customerSays(desk.baton.url, from, 'please open invoice\u202Efdp.exe', 'Ravi\u202Etxt.exe');
    await customerSays(desk.baton.url, from, 'مجھے نمائندے سے بات کرنی ہے');

    await logIn(page, DESK.email, DESK.password);
    await page.getByTestId('tab-queue:care').click();
    const row = page.getByTestId('conversation-row').filter({ hasText: 'Ravi‹RLO›txt.exe' });
    await row.click();
    await waitForText(page, 'conversation-customer', /^Ravi‹RLO›txt\.exe$/);
    await page.getByTestId('message-text').filter({ hasText: 'invoice‹RLO›fdp.exe' }).waitFor();

    const texts = await page.evaluate(() => document.querySelector('.conv')?.textContent ?? '');
    expect(texts).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);

    const urdu = page.getByTestId('message-text').filter({ hasText: 'مجھے نمائندے سے بات کرنی ہے' });
    await expect(urdu.textContent()).resolves.toBe('مجھے نمائندے سے بات کرنی ہے');
    await expect(urdu.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
  });
});
