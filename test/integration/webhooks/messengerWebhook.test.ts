import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { signMessengerBody } from '../../../src/channels/messenger';
import { eventually, MESSENGER_TEST_ENV, startTestBaton, type TestBaton } from '../../support/testBaton';

const GRAPH = 'https://graph.facebook.com';
const SEND_PATH = '/v21.0/me/messages';
const PSID = '6723456789012345';
const WEBHOOK = '/webhooks/messenger';

type Fixture =
  | 'text'
  | 'text-hindi'
  | 'echo-own'
  | 'echo-page-inbox'
  | 'standby'
  | 'read'
  | 'delivery';

interface GraphCall {
  recipient: { id: string };
  messaging_type?: string;
  sender_action?: string;
  message?: { text?: string; metadata?: string; quick_replies?: { title: string; payload: string }[] };
}

let baton: TestBaton;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

beforeEach(async () => {
  baton = await startTestBaton();
});
afterEach(async () => {
  nock.cleanAll();
  await baton.close();
});

/** The fixture's bytes exactly as Meta sent them (non-ASCII escaped as \uXXXX, `/` as `\/`). */
function readFixture(name: Fixture): string {
  return readFileSync(join(__dirname, '../../fixtures/messenger', `${name}.json`), 'utf8');
}

/** Moves every 13-digit millisecond timestamp of a raw body to `now` (fixtures are from 2025). */
function stampedNow(raw: string, now = Date.now()): string {
  return raw.replace(/\b17\d{11}\b/g, String(now));
}

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(baton.url + WEBHOOK, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

function postSigned(body: string) {
  return post(body, { 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) });
}

/** Intercepts every Send API call (messages and sender actions) and answers like Graph does. */
function graphCalls() {
  const calls: GraphCall[] = [];
  let n = 0;
  const scope = nock(GRAPH)
    .persist()
    .post(SEND_PATH)
    .query(true)
    .reply(200, (_uri, body) => {
      const call = body as GraphCall;
      calls.push(call);
      n++;
      return call.message ? { recipient_id: call.recipient.id, message_id: `m_reply_${n}` } : { recipient_id: call.recipient.id };
    });
  return {
    scope,
    messages: () => calls.filter((c) => c.message),
    senderActions: () => calls.filter((c) => c.sender_action).map((c) => c.sender_action),
  };
}

async function conversationWith(count: number) {
  return eventually(async () => {
    const c = await baton.runtime.store.findByAddress('messenger', PSID);
    return c && c.messageCount >= count ? c : undefined;
  });
}

/** Lets any stray background work run before asserting that nothing more happened. */
async function quiet(): Promise<void> {
  await baton.settle();
  await new Promise((r) => setTimeout(r, 150));
  await baton.settle();
}

test('verifies a Hindi message whose JSON escapes non-ASCII and answers it in Hindi through the Send API', async () => {
  const graph = graphCalls();
  // Stamped now: the bot answers only inside Messenger's 24-hour window.
  const raw = stampedNow(readFixture('text-hindi'));
  expect(raw).toContain('\\u092e'); // the signed bytes are the escaped ones, not re-serialised UTF-8

  const res = await postSigned(raw);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('EVENT_RECEIVED');

  const [reply] = await eventually(() => (graph.messages().length ? graph.messages() : undefined));
  expect(reply).toMatchObject({ recipient: { id: PSID }, messaging_type: 'RESPONSE' });
  expect(reply!.message!.text).toMatch(/[\u0900-\u097F]/);
  expect(reply!.message!.metadata).toMatch(/^baton:/);
  await eventually(() => (graph.senderActions().includes('mark_seen') ? true : undefined));
});

test('records the Hindi message as the customer wrote it, in UTF-8', async () => {
  graphCalls();
  await postSigned(readFixture('text-hindi'));
  const conversation = await conversationWith(2);
  await baton.settle();
  const [inbound] = await baton.runtime.store.listMessages(conversation.id);
  expect(inbound).toMatchObject({ direction: 'inbound', author: 'customer', text: 'मेरा ऑर्डर कहाँ है?' });
  expect((await baton.runtime.store.get(conversation.id))!.language).toBe('hi');
});

test('sends quick replies when the answer offers options', async () => {
  const graph = graphCalls();
  await postSigned(stampedNow(readFixture('text').replace('"Where is my order?"', '"hi"')));
  const [reply] = await eventually(() => (graph.messages().length ? graph.messages() : undefined));
  const quickReplies = reply!.message!.quick_replies ?? [];
  expect(quickReplies).toHaveLength(3);
  for (const q of quickReplies) expect(q).toMatchObject({ content_type: 'text', title: expect.any(String), payload: expect.any(String) });
});

describe('signature', () => {
  test('a forged signature is refused with 403 and nothing is stored or sent', async () => {
    const graph = graphCalls();
    const raw = readFixture('text');
    const res = await post(raw, { 'x-hub-signature-256': signMessengerBody(raw, 'not-the-app-secret') });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
    await quiet();
    expect(graph.messages()).toHaveLength(0);
    expect(graph.senderActions()).toHaveLength(0);
    expect(await baton.runtime.store.findByAddress('messenger', PSID)).toBeNull();
  });

  test('a body changed after signing is refused with 403', async () => {
    const raw = readFixture('text');
    const signature = signMessengerBody(raw, MESSENGER_TEST_ENV.META_APP_SECRET);
    const res = await post(raw.replace('Where is my order?', 'Where is my refund?'), { 'x-hub-signature-256': signature });
    expect(res.status).toBe(403);
  });

  test('a missing signature is refused with 403 and nothing is stored or sent', async () => {
    const graph = graphCalls();
    const res = await post(readFixture('text'));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
    await quiet();
    expect(graph.messages()).toHaveLength(0);
    expect(await baton.runtime.store.findByAddress('messenger', PSID)).toBeNull();
  });
});

test('answers a retried delivery of the same mid once', async () => {
  const graph = graphCalls();
  const raw = stampedNow(readFixture('text'));
  const [a, b] = await Promise.all([postSigned(raw), postSigned(raw)]);
  const c = await postSigned(raw);
  expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
  await eventually(() => (graph.messages().length ? true : undefined));
  await quiet();
  expect(graph.messages()).toHaveLength(1);
  const conversation = (await baton.runtime.store.findByAddress('messenger', PSID))!;
  expect(conversation.messageCount).toBe(2);
});

test('the echo of our own send adds nothing to the transcript and sends nothing', async () => {
  const graph = graphCalls();
  await postSigned(readFixture('text'));
  const conversation = await conversationWith(2);
  await quiet();
  const sentBefore = graph.messages().length;
  const reply = (await baton.runtime.store.listMessages(conversation.id))[1]!;

  const echo = readFixture('echo-own')
    .replace(/"mid":"[^"]+"/, `"mid":"${reply.platformMessageId}"`)
    .replace(/"metadata":"[^"]+"/, `"metadata":"baton:${reply.id}"`);
  const res = await postSigned(echo);
  expect(res.status).toBe(200);
  await quiet();

  expect(graph.messages()).toHaveLength(sentBefore);
  const after = (await baton.runtime.store.get(conversation.id))!;
  expect(after.messageCount).toBe(2);
});

test('an echo typed in Page Inbox is recorded as an agent message and not answered', async () => {
  const graph = graphCalls();
  const res = await postSigned(readFixture('echo-page-inbox'));
  expect(res.status).toBe(200);
  const conversation = await conversationWith(1);
  await quiet();
  const messages = await baton.runtime.store.listMessages(conversation.id);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({
    direction: 'outbound',
    author: 'agent',
    text: 'Hi, this is Priya from support. I have refunded your order.',
    meta: { recordedOnly: true, sent_from: 'page_inbox' },
  });
  expect(graph.messages()).toHaveLength(0);
});

test('a standby message (another app owns the thread) is recorded and not answered', async () => {
  const graph = graphCalls();
  const res = await postSigned(readFixture('standby'));
  expect(res.status).toBe(200);
  const conversation = await conversationWith(1);
  await quiet();
  const messages = await baton.runtime.store.listMessages(conversation.id);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ author: 'customer', text: 'Thanks, that helps', meta: { recordedOnly: true, standby: 'true' } });
  expect(graph.messages()).toHaveLength(0);
  expect(graph.senderActions()).toHaveLength(0);
});

describe('delivery and read watermarks', () => {
  async function answeredConversation() {
    graphCalls();
    await postSigned(stampedNow(readFixture('text')));
    const conversation = await conversationWith(2);
    await quiet();
    const reply = (await baton.runtime.store.listMessages(conversation.id))[1]!;
    expect(reply.status).toBe('sent');
    return { conversation, reply };
  }

  test('a delivery watermark moves our earlier replies to delivered', async () => {
    const { reply } = await answeredConversation();
    const res = await postSigned(stampedNow(readFixture('delivery'), Date.now() + 1000));
    expect(res.status).toBe(200);
    await eventually(async () => ((await baton.runtime.store.getMessage(reply.id))!.status === 'delivered' ? true : undefined));
  });

  test('a read watermark moves our earlier replies to read', async () => {
    const { reply } = await answeredConversation();
    const res = await postSigned(stampedNow(readFixture('read'), Date.now() + 1000));
    expect(res.status).toBe(200);
    await eventually(async () => ((await baton.runtime.store.getMessage(reply.id))!.status === 'read' ? true : undefined));
  });

  test('a watermark older than a reply leaves that reply as it was', async () => {
    const { reply } = await answeredConversation();
    await postSigned(readFixture('read')); // 2025: before the reply was sent
    await quiet();
    expect((await baton.runtime.store.getMessage(reply.id))!.status).toBe('sent');
  });
});

describe('subscription handshake (GET)', () => {
  const challenge = (token: string) =>
    fetch(`${baton.url}${WEBHOOK}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`);

  test('the right verify token gets 200 with the bare challenge', async () => {
    const res = await challenge(MESSENGER_TEST_ENV.META_VERIFY_TOKEN);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  test('a wrong verify token gets 403', async () => {
    const res = await challenge('guessed-token');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'VERIFY_TOKEN_INVALID' } });
  });
});

describe('bad input gets a 4xx JSON error, never a 500', () => {
  test('a wrong content type is 415', async () => {
    const raw = readFixture('text');
    const res = await fetch(baton.url + WEBHOOK, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-hub-signature-256': signMessengerBody(raw, MESSENGER_TEST_ENV.META_APP_SECRET) },
      body: raw,
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  test('signed but truncated JSON is 400', async () => {
    const raw = readFixture('text');
    const res = await postSigned(raw.slice(0, raw.length - 20));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
  });

  test('a body over the size limit is 413', async () => {
    const huge = `{"object":"page","entry":[],"pad":"${'a'.repeat(2 * 1024 * 1024)}"}`;
    const res = await postSigned(huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  test('unknown fields are accepted and the message is answered', async () => {
    const graph = graphCalls();
    const raw = stampedNow(readFixture('text')).replace('"text":"Where is my order?"', '"text":"Where is my order?","nlp":{"entities":{}},"brand_new_field":[1,2]');
    const res = await postSigned(raw);
    expect(res.status).toBe(200);
    await eventually(() => (graph.messages().length ? true : undefined));
  });

  test('a message without mid is 400 naming the field, and nothing is stored', async () => {
    const raw = readFixture('text').replace(/"mid":"[^"]+",/, '');
    const res = await postSigned(raw);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/message\.mid/);
    expect(await baton.runtime.store.findByAddress('messenger', PSID)).toBeNull();
  });
});
