import { randomBytes } from 'node:crypto';
import { signMessengerBody } from '../../../src/channels/messenger';
import { FakeGraphApi } from '../../support/fakePlatforms';
import { MESSENGER_TEST_ENV, type TestBaton } from '../../support/testBaton';
import { detail, startBaton, waitUntil, type AgentClient } from './handoffHarness';

/**
 * The WhatsApp Cloud API and Instagram windows as an agent meets them through the API: the customer
 * asks for a person, an agent claims, the clock moves on, the agent replies.
 */

const H = 3600_000;
const PHONE_NUMBER_ID = '106540352242922';
// A Cloud API template: a name (the key), a language and its variables; no Twilio ContentSid.
const TEMPLATES = JSON.stringify({ order_update: { language: 'en_US', variables: ['1'], description: 'Order update' } });
const ASK = 'I want to talk to a human agent please';

let graph: FakeGraphApi;
let baton: TestBaton;
let admin: AgentClient;
let offset = 0;

beforeAll(async () => {
  graph = await new FakeGraphApi().start();
});
afterAll(() => graph.stop());
beforeEach(async () => {
  offset = 0;
  ({ baton, admin } = await startBaton({
    env: {
      META_GRAPH_URL: graph.url,
      WHATSAPP_TEMPLATES: TEMPLATES,
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAGcloudAccessToken456',
      INSTAGRAM_ACCESS_TOKEN: 'IGQVJinstagramToken789',
    },
    clock: () => Date.now() + offset,
  }));
});
afterEach(() => baton.close());

function signedPost(path: string, body: string) {
  return fetch(`${baton.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) },
    body,
  });
}

async function cloudCustomerAsksForPerson(): Promise<{ id: string; waId: string }> {
  const waId = `9197${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  const message = { from: waId, id: `wamid.${randomBytes(24).toString('base64url')}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: ASK } };
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: 'Window Customer' }, wa_id: waId }], messages: [message] } }] }],
  });
  expect((await signedPost('/webhooks/whatsapp', body)).status).toBe(200);
  const conv = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('whatsapp_cloud', `whatsapp:+${waId}`);
    return c?.status === 'queued' ? c : undefined;
  });
  await baton.settle();
  return { id: conv.id, waId };
}

async function instagramCustomerAsksForPerson(): Promise<{ id: string; igsid: string }> {
  const igsid = `12${String(randomBytes(6).readUIntBE(0, 6)).padStart(14, '0').slice(0, 14)}`;
  const now = Date.now();
  const body = JSON.stringify({
    object: 'instagram',
    entry: [{ time: now, id: '17841400000000001', messaging: [{ sender: { id: igsid }, recipient: { id: '17841400000000001' }, timestamp: now, message: { mid: `aWdf${randomBytes(20).toString('hex')}`, text: ASK } }] }],
  });
  expect((await signedPost('/webhooks/instagram', body)).status).toBe(200);
  const conv = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('instagram', igsid);
    return c?.status === 'queued' ? c : undefined;
  });
  await baton.settle();
  return { id: conv.id, igsid };
}

const cloudTo = (waId: string) => graph.cloudMessages().filter((m) => m.to === waId);
const igTo = (igsid: string) => graph.messages().filter((m) => m.recipient.id === igsid);

describe('WhatsApp Cloud API', () => {
  test('free text 25 hours after the customer wrote is refused with 422 WINDOW_CLOSED, recorded as refused, and nothing is sent', async () => {
    const { id, waId } = await cloudCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    const before = await detail(admin, id);
    const sentBefore = cloudTo(waId).length;
    offset = 25 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { text: 'Are you still there?' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('WINDOW_CLOSED');
    expect(r.body.error.message).toMatch(/24-hour window closed at .*template/);
    const after = (await detail(admin, id)).messages;
    expect(after.slice(0, before.messages.length)).toEqual(before.messages);
    expect(after.slice(before.messages.length)).toEqual([expect.objectContaining({ author: 'agent', status: 'failed', errorCode: 'WINDOW_CLOSED' })]);
    await new Promise((r2) => setTimeout(r2, 100));
    expect(cloudTo(waId)).toHaveLength(sentBefore);
  });

  test('a configured template goes out after the window by name, language and parameters', async () => {
    const { id, waId } = await cloudCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    offset = 25 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { template: { name: 'order_update', variables: { '1': 'SG-482913' } } });
    expect(r.status).toBe(201);
    const sent = await waitUntil(async () => cloudTo(waId).find((m) => m.type === 'template'));
    expect(sent.template).toEqual({ name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'SG-482913' }] }] });
  });
});

describe('Instagram', () => {
  test('an agent reply between 24 hours and 7 days goes with messaging_type MESSAGE_TAG and tag HUMAN_AGENT', async () => {
    const { id, igsid } = await instagramCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    offset = 3 * 24 * H;
    expect((await admin.call('POST', `/conversations/${id}/messages`, { text: 'Sorry for the wait.' })).status).toBe(201);
    const m = await waitUntil(async () => igTo(igsid).find((x) => x.message.text === 'Sorry for the wait.'));
    expect(m).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  test('an agent reply after 7 days is refused with 422 WINDOW_CLOSED and nothing reaches the Graph API', async () => {
    const { id, igsid } = await instagramCustomerAsksForPerson();
    await admin.ok('POST', `/conversations/${id}/claim`);
    const sentBefore = igTo(igsid).length;
    offset = 8 * 24 * H;
    const r = await admin.call('POST', `/conversations/${id}/messages`, { text: 'Anyone there?' });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(/Instagram's 7-day human agent window closed/);
    await new Promise((r2) => setTimeout(r2, 100));
    expect(igTo(igsid)).toHaveLength(sentBefore);
  });
});
