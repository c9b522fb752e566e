import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { signMessengerBody } from '../../../src/channels/messenger';
import { eventually, MESSENGER_TEST_ENV, startTestBaton, type TestBaton } from '../../support/testBaton';

const GRAPH = 'https://graph.facebook.com';
const PHONE_NUMBER_ID = '106540352242922';
const SEND_PATH = `/v21.0/${PHONE_NUMBER_ID}/messages`;
const ADDRESS = 'whatsapp:+919812345678';
const WEBHOOK = '/webhooks/whatsapp';
const TOKEN = 'EAAGcloudAccessToken456';

interface CloudCall {
  to?: string;
  type?: string;
  status?: string;
  message_id?: string;
  text?: { body: string };
  interactive?: { type: string; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string }[] }[] } };
  template?: { name: string; language: { code: string }; components?: { type: string; parameters: { text: string }[] }[] };
}

let baton: TestBaton;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

beforeEach(async () => {
  baton = await startTestBaton({ env: { WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_CLOUD_ACCESS_TOKEN: TOKEN } });
});
afterEach(async () => {
  nock.cleanAll();
  await baton.close();
});

/** The fixture's bytes as Meta sent them, its message time moved to now (the 24-hour window is real). */
function fixture(name: string, now = Date.now()): string {
  const raw = readFileSync(join(__dirname, '../../fixtures/whatsapp-cloud', `${name}.json`), 'utf8');
  return raw.replace(/"timestamp":"17\d{8}"/g, `"timestamp":"${Math.floor(now / 1000)}"`);
}

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(baton.url + WEBHOOK, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}
const postSigned = (body: string) => post(body, { 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) });

/** Intercepts `POST /{phone-number-id}/messages` and answers like the Cloud API does. */
function cloudApi(answer?: (call: CloudCall) => [number, unknown] | undefined) {
  const calls: CloudCall[] = [];
  const auth: string[] = [];
  let n = 0;
  nock(GRAPH)
    .persist()
    .post(SEND_PATH)
    .query((q) => typeof q.appsecret_proof === 'string' && q.appsecret_proof.length === 64)
    .reply(function (_uri, body) {
      const call = body as CloudCall;
      calls.push(call);
      auth.push(String(this.req.headers.authorization));
      const custom = answer?.(call);
      if (custom) return custom;
      n++;
      return [200, call.status ? { success: true } : { messaging_product: 'whatsapp', contacts: [{ input: call.to, wa_id: call.to }], messages: [{ id: `wamid.reply${n}` }] }];
    });
  return { messages: () => calls.filter((c) => c.type), receipts: () => calls.filter((c) => c.status), auth };
}

async function quiet(): Promise<void> {
  await baton.settle();
  await new Promise((r) => setTimeout(r, 150));
  await baton.settle();
}

async function conversationWith(count: number) {
  return eventually(async () => {
    const c = await baton.runtime.store.findByAddress('whatsapp_cloud', ADDRESS);
    return c && c.messageCount >= count ? c : undefined;
  });
}

test('answers the subscription handshake with the bare challenge when the verify token matches', async () => {
  const q = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': MESSENGER_TEST_ENV.META_VERIFY_TOKEN, 'hub.challenge': '1158201444' });
  const res = await fetch(`${baton.url}${WEBHOOK}?${q.toString()}`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('1158201444');
  const wrong = await fetch(`${baton.url}${WEBHOOK}?${new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' }).toString()}`);
  expect(wrong.status).toBe(403);
});

test('verifies a Hindi message whose JSON escapes non-ASCII and answers it in Hindi through /{phone-number-id}/messages', async () => {
  const api = cloudApi();
  const raw = fixture('text-hindi');
  expect(raw).toContain('\\u092e');
  const res = await postSigned(raw);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('EVENT_RECEIVED');
  const [reply] = await eventually(() => (api.messages().length ? api.messages() : undefined));
  expect(reply).toMatchObject({ to: '919812345678' });
  const body = reply!.type === 'text' ? reply!.text!.body : JSON.stringify(reply!.interactive);
  expect(body).toMatch(/[\u0900-\u097F]/);
  expect(api.auth[0]).toBe(`Bearer ${TOKEN}`);
  const conversation = await conversationWith(2);
  const [inbound] = await baton.runtime.store.listMessages(conversation.id);
  expect(inbound).toMatchObject({ direction: 'inbound', author: 'customer', text: 'मेरा ऑर्डर कहाँ है?' });
});

test('marks the customer message read with a typing indicator while answering', async () => {
  const api = cloudApi();
  await postSigned(fixture('text'));
  const [receipt] = await eventually(() => (api.receipts().length ? api.receipts() : undefined));
  expect(receipt).toMatchObject({ status: 'read', message_id: expect.stringMatching(/^wamid\./) });
});

test('sends the bot\'s options as reply buttons (three or fewer)', async () => {
  const api = cloudApi();
  await postSigned(fixture('text').replace('"Where is my order?"', '"hi"'));
  const [reply] = await eventually(() => (api.messages().length ? api.messages() : undefined));
  expect(reply).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
  const buttons = reply!.interactive!.action.buttons!;
  expect(buttons.length).toBeGreaterThan(0);
  expect(buttons.length).toBeLessThanOrEqual(3);
});

test('a tapped reply button and a chosen list row are recorded with their ids as payloads', async () => {
  cloudApi();
  await postSigned(fixture('button-reply'));
  await postSigned(fixture('list-reply'));
  const conversation = await conversationWith(2);
  await quiet();
  const inbound = (await baton.runtime.store.listMessages(conversation.id)).filter((m) => m.direction === 'inbound');
  expect(inbound.map((m) => [m.text, m.payload])).toEqual([
    ['Track my order', 'intent:track_order'],
    ['Store hours', 'intent:store_hours'],
  ]);
});

test('an image is looked up through GET /{media-id} with the token and recorded with its URL and type', async () => {
  cloudApi();
  const lookup = nock(GRAPH)
    .get('/v21.0/1037543291543636')
    .query(true)
    .matchHeader('authorization', `Bearer ${TOKEN}`)
    .reply(200, { url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1037543291543636&ext=1764950400&hash=ATu', mime_type: 'image/jpeg', sha256: 'x', file_size: 30325, id: '1037543291543636', messaging_product: 'whatsapp' });
  await postSigned(fixture('image'));
  const conversation = await conversationWith(1);
  const [inbound] = await baton.runtime.store.listMessages(conversation.id);
  expect(lookup.isDone()).toBe(true);
  expect(inbound!.text).toBe('Broken on arrival');
  expect(inbound!.media).toEqual([{ url: expect.stringContaining('lookaside.fbsbx.com'), kind: 'image', contentType: 'image/jpeg' }]);
});

test('an image whose lookup fails is still recorded, with the media id kept', async () => {
  cloudApi();
  nock(GRAPH).get('/v21.0/1037543291543636').query(true).reply(500, { error: { message: 'boom', code: 2 } });
  const res = await postSigned(fixture('image'));
  expect(res.status).toBe(200);
  const conversation = await conversationWith(1);
  const [inbound] = await baton.runtime.store.listMessages(conversation.id);
  expect(inbound!.media).toEqual([{ url: 'whatsapp-media:1037543291543636', kind: 'image', contentType: 'image/jpeg' }]);
});

test('a shared location and a shared contact are recorded', async () => {
  cloudApi();
  await postSigned(fixture('location'));
  await postSigned(fixture('contacts'));
  const conversation = await conversationWith(2);
  await quiet();
  const inbound = (await baton.runtime.store.listMessages(conversation.id)).filter((m) => m.direction === 'inbound');
  expect(inbound.find((m) => m.location)?.location).toEqual({ latitude: 28.6315, longitude: 77.2167, label: 'CP Metro', address: 'Connaught Place, New Delhi' });
  expect(inbound.find((m) => m.text?.startsWith('Shared contact'))?.text).toBe('Shared contact: Ravi Kumar (+91 98111 22233)');
});

test('a delivered status webhook moves our reply to delivered', async () => {
  cloudApi();
  await postSigned(fixture('text'));
  const conversation = await conversationWith(2);
  await quiet();
  const reply = (await baton.runtime.store.listMessages(conversation.id)).find((m) => m.direction === 'outbound')!;
  await postSigned(fixture('status-delivered').replace('"WAMID"', `"${reply.platformMessageId}"`));
  await eventually(async () => ((await baton.runtime.store.listMessages(conversation.id)).find((m) => m.id === reply.id)?.status === 'delivered' ? true : undefined));
});

test('a failed status records Meta\'s error code 131047 on our message', async () => {
  cloudApi();
  await postSigned(fixture('text'));
  const conversation = await conversationWith(2);
  await quiet();
  const reply = (await baton.runtime.store.listMessages(conversation.id)).find((m) => m.direction === 'outbound')!;
  await postSigned(fixture('status-failed').replace('"WAMID"', `"${reply.platformMessageId}"`));
  const failed = await eventually(async () => {
    const m = (await baton.runtime.store.listMessages(conversation.id)).find((x) => x.id === reply.id);
    return m?.status === 'failed' ? m : undefined;
  });
  expect(failed.errorCode).toBe('131047');
});

test('a send refused with 131047 fails with that code and is not retried', async () => {
  const api = cloudApi(() => [400, { error: { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed' }, fbtrace_id: 'AbC' } }]);
  await postSigned(fixture('text'));
  const conversation = await conversationWith(2);
  await quiet();
  const reply = (await baton.runtime.store.listMessages(conversation.id)).find((m) => m.direction === 'outbound')!;
  expect(reply).toMatchObject({ status: 'failed', errorCode: '131047' });
  expect(api.messages()).toHaveLength(1);
});

test('outside the 24-hour window an agent template goes out by name with its parameters', async () => {
  const api = cloudApi();
  const { conversation } = await baton.runtime.store.findOrOpen({ channel: 'whatsapp_cloud', customerAddress: ADDRESS });
  const sent = await baton.runtime.outbound.send({
    conversation,
    author: 'agent',
    content: { template: { name: 'order_update', language: 'en_US', variables: { '2': '10:00', '1': 'Priya' } } },
  });
  expect(sent.status).toBe('sent');
  expect(api.messages()[0]).toMatchObject({
    to: '919812345678',
    type: 'template',
    template: { name: 'order_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Priya' }, { type: 'text', text: '10:00' }] }] },
  });
});

describe('refused requests', () => {
  test('a forged signature is refused with 403 and nothing is stored or sent', async () => {
    const api = cloudApi();
    const raw = fixture('text');
    const res = await post(raw, { 'x-hub-signature-256': signMessengerBody(raw, 'not-the-app-secret') });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
    await quiet();
    expect(api.messages()).toHaveLength(0);
    expect(await baton.runtime.store.findByAddress('whatsapp_cloud', ADDRESS)).toBeNull();
  });

  test('an unsigned request is refused with 403 and nothing is stored or sent', async () => {
    const api = cloudApi();
    const res = await post(fixture('text'));
    expect(res.status).toBe(403);
    await quiet();
    expect(api.messages()).toHaveLength(0);
    expect(await baton.runtime.store.findByAddress('whatsapp_cloud', ADDRESS)).toBeNull();
  });

  test('a signed body that is not a WhatsApp payload is refused with 400', async () => {
    const res = await postSigned('{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp"}}]}]}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

test('answers a retried delivery of the same wamid once', async () => {
  const api = cloudApi();
  const raw = fixture('text');
  const [a, b] = await Promise.all([postSigned(raw), postSigned(raw)]);
  const c = await postSigned(raw);
  expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
  await eventually(() => (api.messages().length ? true : undefined));
  await quiet();
  expect(api.messages()).toHaveLength(1);
  expect((await baton.runtime.store.findByAddress('whatsapp_cloud', ADDRESS))!.messageCount).toBe(2);
});

test('messages for another phone number of the same business account are not answered', async () => {
  const api = cloudApi();
  const res = await postSigned(fixture('text').replace(`"phone_number_id":"${PHONE_NUMBER_ID}"`, '"phone_number_id":"999999999999999"'));
  expect(res.status).toBe(200);
  await quiet();
  expect(api.messages()).toHaveLength(0);
});
