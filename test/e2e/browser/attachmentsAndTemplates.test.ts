import { randomBytes } from 'node:crypto';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { PNG } from '../../fixtures/uploads/files';
import { describeWithChromium, useBrowserDesk } from './support/desk';
import { logIn } from './support/browser';
import { DESK } from './support/seed';
import { eventually, waitForText } from './support/waits';

/**
 * Issue 11, attachments and failed sends: an agent uploads an image from the composer and Twilio
 * gets a MediaUrl serving the same bytes; a reply Twilio refused is explained and retried from its
 * bubble; outside the 24-hour window the composer offers the approved templates with their fields.
 */

jest.setTimeout(90_000);

const TEMPLATE_SID = `HX${'b'.repeat(32)}`;
/** Baton's clock runs this far ahead of the real one (the channel windows are judged by it). */
let ahead = 0;

describeWithChromium('attachments, failed sends and templates in the console', () => {
  const desk = useBrowserDesk({
    clock: () => Date.now() + ahead,
    env: {
      MEDIA_URL_SECRET: 'browser-media-secret-0123456789',
      WHATSAPP_TEMPLATES: JSON.stringify({ order_update: { contentSid: TEMPLATE_SID, language: 'en', variables: ['1', '2'], description: 'Order update' } }),
    },
  });

  /** A WhatsApp (Twilio) customer asks for a person; returns their address and conversation id. */
  async function whatsappCustomerEscalates(name: string): Promise<{ address: string; conversationId: string }> {
    const address = `whatsapp:+9198${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
    const params = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: TWILIO_TEST_CONFIG.accountSid,
      From: address,
      To: TWILIO_TEST_CONFIG.whatsappNumber,
      Body: 'I want to talk to a human agent please',
      NumMedia: '0',
      ProfileName: name,
      WaId: address.replace('whatsapp:+', ''),
    };
    const url = `${desk.baton.url}/webhooks/twilio`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
    let conversationId = '';
    await eventually(async () => {
      const c = await desk.baton.runtime.store.findByAddress('whatsapp', address);
      conversationId = c?.id ?? '';
      return c?.status === 'queued';
    }, 'the conversation is queued');
    await desk.baton.settle();
    return { address, conversationId };
  }

  async function openAndClaim(name: string): Promise<void> {
    const { page } = desk.w;
    await logIn(page, DESK.email, DESK.password);
    await page.getByTestId('tab-queue:care').click();
    await page.getByTestId('conversation-row').filter({ hasText: name }).click();
    await page.getByTestId('handoff-packet').waitFor();
    await page.keyboard.press('c');
    await waitForText(page, 'conversation-status', /^assigned$/);
  }

  test('an image uploaded in the composer reaches Twilio as a MediaUrl that fetches the same bytes', async () => {
    const { page } = desk.w;
    const { address } = await whatsappCustomerEscalates('Asha Upload');
    await openAndClaim('Asha Upload');

    await page.getByTestId('upload-input').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
    await waitForText(page, 'upload-chip', /receipt\.png/);
    await page.getByTestId('composer-input').fill('Your receipt');
    await page.getByTestId('composer-send').click();

    const sent = await desk.baton.twilio.waitFor((r) => r.form?.get('To') === address && r.form.has('MediaUrl'));
    const mediaUrl = sent.form!.get('MediaUrl')!;
    expect(mediaUrl.startsWith(`${desk.baton.url}/media/`)).toBe(true);
    const fetched = await fetch(mediaUrl);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);
    // The agent sees the image in the transcript, loaded from this origin with their session.
    const image = page.getByTestId('message').filter({ hasText: 'Your receipt' }).locator('img');
    await image.waitFor();
    await eventually(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), 'the image loads');
  });

  test('a file whose name lies about its type is refused in the composer with the reason', async () => {
    const { page } = desk.w;
    await whatsappCustomerEscalates('Bilal Spoof');
    await openAndClaim('Bilal Spoof');
    await page.getByTestId('upload-input').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PNG });
    await waitForText(page, 'upload-error', /called \.pdf but its content is image\/png/);
    expect(await page.getByTestId('upload-chip').count()).toBe(0);
  });

  test('a reply Twilio refused says why in words and is sent again from its bubble', async () => {
    const { page } = desk.w;
    const { address } = await whatsappCustomerEscalates('Chandni Retry');
    await openAndClaim('Chandni Retry');
    desk.baton.twilio.failNext = { count: 1, status: 400, body: { code: 63016, message: 'Failed to send freeform message because you are outside the allowed window.', status: 400 } };
    await page.getByTestId('composer-input').fill('Your refund is on its way');
    await page.getByTestId('composer-send').click();

    const bubble = page.getByTestId('message').filter({ hasText: 'Your refund is on its way' });
    await bubble.and(page.locator('[data-status="failed"]')).waitFor();
    await expect(bubble.getByTestId('message-error-words').textContent()).resolves.toMatch(/Outside the 24-hour window/);
    const before = desk.baton.twilio.messages().filter((f) => f.get('Body') === 'Your refund is on its way' && f.get('To') === address).length;

    await bubble.getByTestId('message-retry').click();
    await bubble.and(page.locator('[data-status="sent"], [data-status="queued"], [data-status="delivered"]')).waitFor();
    expect(await bubble.getByTestId('message-error').count()).toBe(0);
    expect(desk.baton.twilio.messages().filter((f) => f.get('Body') === 'Your refund is on its way' && f.get('To') === address).length).toBe(before + 1);
  });

  test('outside the 24-hour window the composer offers the approved templates with a field per variable', async () => {
    const { address } = await whatsappCustomerEscalates('Deepa Template');
    ahead = 25 * 3600_000; // the customer wrote 25 hours ago
    try {
      await openAndClaim('Deepa Template');
      await sendTemplate();
    } finally {
      ahead = 0;
    }
    const sent = await desk.baton.twilio.waitFor((r) => r.form?.get('To') === address && r.form.has('ContentSid'));
    expect(sent.form!.get('ContentSid')).toBe(TEMPLATE_SID);
    expect(JSON.parse(sent.form!.get('ContentVariables')!)).toEqual({ '1': 'Deepa', '2': 'SG-4829' });
  });

  async function sendTemplate(): Promise<void> {
    const { page } = desk.w;
    await page.getByTestId('template-picker').waitFor();
    await page.getByTestId('template-select').selectOption('order_update');
    await expect(page.getByTestId('template-send').isDisabled()).resolves.toBe(true);
    await page.getByTestId('template-var-1').fill('Deepa');
    await page.getByTestId('template-var-2').fill('SG-4829');
    await page.getByTestId('template-send').click();
    await page.getByTestId('template-picker').and(page.locator(':has([data-testid="template-send"]:not([disabled]))')).waitFor();
  }
});
