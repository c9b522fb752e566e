import { randomBytes } from 'node:crypto';
import { signMessengerBody } from '../../../src/channels/messenger';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { FakeGraphApi, FakeTwilioApi } from '../../support/fakePlatforms';
import { MESSENGER_TEST_ENV, type TestBaton } from '../../support/testBaton';
import { detail, startBaton, waitUntil, type AgentClient } from './handoffHarness';

/**
 * The platforms' messaging windows as an agent meets them through the API: the customer writes, a
 * person claims, the handoff's clock moves on, the agent replies.
 */

const H = 3600_000;
const TEMPLATE_SID = `HX${'a1'.repeat(16)}`;
const TEMPLATES = JSON.stringify({ order_update: { contentSid: TEMPLATE_SID, variables: ['1'], description: 'Order update' } });

let twilio: FakeTwilioApi;
let graph: FakeGraphApi;
let baton: TestBaton;
let admin: AgentClient;
let offset = 0;

beforeAll(async () => {
  twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  graph = await new FakeGraphApi().start();
});
afterAll(async () => {
  await twilio.stop();
  await graph.stop();
});
beforeEach(async () => {
  offset = 0;
  ({ baton, admin } = await startBaton({
    env: { TWILIO_API_URL: twilio.url, META_GRAPH_URL: graph.url, WHATSAPP_TEMPLATES: TEMPLATES },
    clock: () => Date.now() + offset,
  }));
});
afterEach(() => baton.close());

const ASK = 'I want to talk to a human agent please';

async function whatsappCustomerAsksForPerson(): Promise<{ id: string; address: string }> {
  const address = `whatsapp:+9197${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: TWILIO_TEST_CONFIG.accountSid,
    From: address,
    To: TWILIO_TEST_CONFIG.whatsappNumber,
    Body: ASK,
    NumMedia: '0',
    ProfileName: 'Window Customer',
    WaId: address.replace('whatsapp:+', ''),
  };
  const url = `${baton.url}/webhooks/twilio`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  const conv = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('whatsapp', address);
    return c?.status === 'queued' ? c : undefined;
  });
  await baton.settle();
  return { id: conv.id, address };
}

async function messengerCustomerAsksForPerson(): Promise<{ id: string; psid: string }> {
  const psid = `67${String(randomBytes(6).readUIntBE(0, 6)).padStart(14, '0').slice(0, 14)}`;
  const now = Date.now();
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: '107548231234567',
        time: now,
        messaging: [{ sender: { id: psid }, recipient: { id: '107548231234567' }, timestamp: now, message: { mid: `m_${randomBytes(20).toString('hex')}`, text: ASK } }],
      },
    ],
  });
  const res = await fetch(`${baton.url}/webhooks/messenger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) },
    body,
  });
  expect(res.status).toBe(200);
  const conv = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('messenger', psid);
    return c?.status === 'queued' ? c : undefined;
  });
  await baton.settle();
  return { id: conv.id, psid };
}

const twilioTo = (address: string) => twilio.messages().filter((f) => f.get('To') === address);
const graphTo = (psid: string) => graph.messages().filter((m) => m.recipient.id === psid);

describe('WhatsApp', () => {
  test('an agent reply inside 24 hours goes out as free text', async () => {
    const { id, address } = await whatsappCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    offset = 23 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { text: 'Hello, I am looking into it.' });
    expect(r.status).toBe(201);
    await waitUntil(async () => (twilioTo(address).some((f) => f.get('Body') === 'Hello, I am looking into it.') ? true : undefined));
  });

  test('free text 25 hours after the customer wrote is refused with 422 WINDOW_CLOSED and a reason, recorded as refused and not sent', async () => {
    const { id, address } = await whatsappCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    const before = await detail(admin, id);
    const sentBefore = twilioTo(address).length;
    offset = 25 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { text: 'Are you still there?' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('WINDOW_CLOSED');
    expect(r.body.error.message).toMatch(/24-hour window closed at .*template/);
    const after = await detail(admin, id);
    expect(after.messages.slice(0, before.messages.length)).toEqual(before.messages);
    expect(after.messages.slice(before.messages.length)).toEqual([
      expect.objectContaining({ author: 'agent', text: 'Are you still there?', status: 'failed', errorCode: 'WINDOW_CLOSED' }),
    ]);
    expect(after.conversation.status).toBe('assigned');
    await new Promise((r2) => setTimeout(r2, 100));
    expect(twilioTo(address)).toHaveLength(sentBefore);
  });

  test('a configured template goes out after the window with its ContentSid and variables', async () => {
    const { id, address } = await whatsappCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    offset = 25 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { template: { name: 'order_update', variables: { '1': 'SG-482913' } } });
    expect(r.status).toBe(201);
    const form = await waitUntil(async () => twilioTo(address).find((f) => f.get('ContentSid') === TEMPLATE_SID));
    expect(JSON.parse(form.get('ContentVariables') ?? '{}')).toEqual({ '1': 'SG-482913' });
  });

  test('an unknown template is refused with 422 TEMPLATE_UNKNOWN naming the configured ones', async () => {
    const { id } = await whatsappCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    offset = 25 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { template: { name: 'no_such_template' } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('TEMPLATE_UNKNOWN');
    expect(r.body.error.message).toMatch(/order_update/);
  });
});

describe('Messenger', () => {
  test('an agent reply within 24 hours goes as a RESPONSE', async () => {
    const { id, psid } = await messengerCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    offset = 2 * H;
    expect((await admin.call('POST', `/conversations/${id}/messages`, { text: 'Hi, I can help.' })).status).toBe(201);
    const m = await waitUntil(async () => graphTo(psid).find((x) => x.message.text === 'Hi, I can help.'));
    expect(m.messaging_type).toBe('RESPONSE');
    expect(m.tag).toBeUndefined();
  });

  test('an agent reply between 24 hours and 7 days goes with messaging_type MESSAGE_TAG and tag HUMAN_AGENT', async () => {
    const { id, psid } = await messengerCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    offset = 3 * 24 * H;
    expect((await admin.call('POST', `/conversations/${id}/messages`, { text: 'Sorry for the wait.' })).status).toBe(201);
    const m = await waitUntil(async () => graphTo(psid).find((x) => x.message.text === 'Sorry for the wait.'));
    expect(m).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  test('an agent reply after 7 days is refused with 422 WINDOW_CLOSED and nothing reaches the Graph API', async () => {
    const { id, psid } = await messengerCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    const before = await detail(admin, id);
    const sentBefore = graphTo(psid).length;
    offset = 8 * 24 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { text: 'Anyone there?' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('WINDOW_CLOSED');
    expect(r.body.error.message).toMatch(/7-day human agent window closed/);
    const after = await detail(admin, id);
    expect(after.messages.slice(before.messages.length)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 'WINDOW_CLOSED' })]);
    await new Promise((r2) => setTimeout(r2, 100));
    expect(graphTo(psid)).toHaveLength(sentBefore);
  });
});
