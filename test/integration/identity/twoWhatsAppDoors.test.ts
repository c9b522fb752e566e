import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signMessengerBody } from '../../../src/channels/messenger';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { FakeGraphApi, FakeTwilioApi } from '../../support/fakePlatforms';
import { eventually, MESSENGER_TEST_ENV, startTestBaton, type TestBaton } from '../../support/testBaton';
import { whatsappTextBody } from '../../support/webhookBodies';

/** One person writing to the brand's Twilio number and to its Cloud API number is one customer. */

const ADDRESS = 'whatsapp:+919812345678';
let twilio: FakeTwilioApi;
let graph: FakeGraphApi;
let baton: TestBaton;

beforeAll(async () => {
  twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  graph = await new FakeGraphApi().start();
});
afterAll(async () => {
  await twilio.stop();
  await graph.stop();
});
beforeEach(async () => {
  baton = await startTestBaton({
    env: { TWILIO_API_URL: twilio.url, META_GRAPH_URL: graph.url, WHATSAPP_CLOUD_PHONE_NUMBER_ID: '106540352242922', WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAGcloudAccessToken456' },
  });
});
afterEach(() => baton.close());

test('a Twilio WhatsApp message and a Cloud API message from the same number land on one customer', async () => {
  const url = `${baton.url}/webhooks/twilio`;
  const form = whatsappTextBody({ from: ADDRESS, messageSid: `SM${randomBytes(16).toString('hex')}`, text: 'Where is my order?' });
  const params = Object.fromEntries(new URLSearchParams(form));
  const viaTwilio = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
    body: form,
  });
  expect(viaTwilio.status).toBe(200);
  const twilioConversation = await eventually(async () => (await baton.runtime.store.findByAddress('whatsapp', ADDRESS))?.customerId ? baton.runtime.store.findByAddress('whatsapp', ADDRESS) : undefined);

  const raw = readFileSync(join(__dirname, '../../fixtures/whatsapp-cloud/text.json'), 'utf8').replace(/"timestamp":"17\d{8}"/, `"timestamp":"${Math.floor(Date.now() / 1000)}"`);
  const viaCloud = await fetch(`${baton.url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(raw, MESSENGER_TEST_ENV.META_APP_SECRET) },
    body: raw,
  });
  expect(viaCloud.status).toBe(200);
  const cloudConversation = await eventually(async () => (await baton.runtime.store.findByAddress('whatsapp_cloud', ADDRESS))?.customerId ? baton.runtime.store.findByAddress('whatsapp_cloud', ADDRESS) : undefined);

  expect(cloudConversation!.id).not.toBe(twilioConversation!.id);
  expect(cloudConversation!.customerId).toBe(twilioConversation!.customerId);
});
