import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { signMessengerBody } from '../../../src/channels/messenger';
import { eventually, MESSENGER_TEST_ENV, startTestBaton, type TestBaton } from '../../support/testBaton';

const GRAPH = 'https://graph.facebook.com';
const SEND_PATH = '/v21.0/me/messages';
const IGSID = '1254477781234567';
const WEBHOOK = '/webhooks/instagram';
const TOKEN = 'IGQVJinstagramToken789';
const HOUR = 60 * 60 * 1000;

interface IgCall {
  recipient: { id: string };
  messaging_type?: string;
  tag?: string;
  sender_action?: string;
  message?: { text?: string; quick_replies?: { title: string; payload: string }[] };
}

let baton: TestBaton;
let now = Date.now();

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

beforeEach(async () => {
  now = Date.now();
  baton = await startTestBaton({ env: { INSTAGRAM_ACCESS_TOKEN: TOKEN }, clock: () => now });
});
afterEach(async () => {
  nock.cleanAll();
  await baton.close();
});

function fixture(name: string, at = Date.now()): string {
  const raw = readFileSync(join(__dirname, '../../fixtures/instagram', `${name}.json`), 'utf8');
  return raw.replace(/\b17\d{11}\b/g, String(at));
}
function post(body: string, headers: Record<string, string> = {}) {
  return fetch(baton.url + WEBHOOK, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}
const postSigned = (body: string) => post(body, { 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) });

function graphCalls() {
  const calls: IgCall[] = [];
  let n = 0;
  nock(GRAPH)
    .persist()
    .post(SEND_PATH)
    .query((q) => q.access_token === TOKEN && typeof q.appsecret_proof === 'string')
    .reply(200, (_uri, body) => {
      const call = body as IgCall;
      calls.push(call);
      n++;
      return call.message ? { recipient_id: call.recipient.id, message_id: `ig_reply_${n}` } : { recipient_id: call.recipient.id };
    });
  return { messages: () => calls.filter((c) => c.message), senderActions: () => calls.filter((c) => c.sender_action).map((c) => c.sender_action) };
}

async function quiet(): Promise<void> {
  await baton.settle();
  await new Promise((r) => setTimeout(r, 150));
  await baton.settle();
}

async function conversationWith(count: number) {
  return eventually(async () => {
    const c = await baton.runtime.store.findByAddress('instagram', IGSID);
    return c && c.messageCount >= count ? c : undefined;
  });
}

test('answers the subscription handshake with the bare challenge', async () => {
  const q = new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.verify_token': MESSENGER_TEST_ENV.META_VERIFY_TOKEN, 'hub.challenge': '803577' });
  const res = await fetch(`${baton.url}${WEBHOOK}?${q.toString()}`);
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('803577');
});

test('verifies a Hindi DM whose JSON escapes non-ASCII and answers it in Hindi with messaging_type RESPONSE', async () => {
  const graph = graphCalls();
  const raw = fixture('text-hindi');
  expect(raw).toContain('\\u092e');
  const res = await postSigned(raw);
  expect(res.status).toBe(200);
  const [reply] = await eventually(() => (graph.messages().length ? graph.messages() : undefined));
  expect(reply).toMatchObject({ recipient: { id: IGSID }, messaging_type: 'RESPONSE' });
  expect(reply!.tag).toBeUndefined();
  expect(reply!.message!.text).toMatch(/[\u0900-\u097F]/);
  const conversation = await conversationWith(2);
  expect(conversation.channel).toBe('instagram');
});

test('sends quick replies when the answer offers options, and a tapped one comes back as its payload', async () => {
  const graph = graphCalls();
  await postSigned(fixture('text').replace('"Where is my order?"', '"hi"'));
  const [reply] = await eventually(() => (graph.messages().length ? graph.messages() : undefined));
  expect(reply!.message!.quick_replies!.length).toBeGreaterThan(0);
  await postSigned(fixture('quick-reply'));
  const conversation = await conversationWith(3);
  await quiet();
  const tapped = (await baton.runtime.store.listMessages(conversation.id)).find((m) => m.text === 'Track my order');
  expect(tapped?.payload).toBe('intent:track_order');
});

test('a story reply is recorded with the story and flagged; a story mention keeps its media', async () => {
  graphCalls();
  await postSigned(fixture('story-reply'));
  await postSigned(fixture('story-mention'));
  const conversation = await conversationWith(2);
  await quiet();
  const inbound = (await baton.runtime.store.listMessages(conversation.id)).filter((m) => m.direction === 'inbound');
  const reply = inbound.find((m) => m.text === 'Is this in stock?')!;
  expect(reply.media).toEqual([{ url: expect.stringContaining('asset_id=17987654321098765'), kind: 'other' }]);
  const mention = inbound.find((m) => m.text === undefined)!;
  expect(mention.media).toEqual([{ url: expect.stringContaining('asset_id=17911111111111111'), kind: 'other' }]);
});

test('an image DM is recorded with its URL', async () => {
  graphCalls();
  await postSigned(fixture('image'));
  const conversation = await conversationWith(1);
  const [inbound] = await baton.runtime.store.listMessages(conversation.id);
  expect(inbound!.media).toEqual([{ url: expect.stringContaining('lookaside.fbsbx.com'), kind: 'image' }]);
});

test('an echo of the account\'s own message is never answered nor recorded', async () => {
  const graph = graphCalls();
  await postSigned(fixture('echo'));
  await quiet();
  expect(graph.messages()).toHaveLength(0);
  expect(await baton.runtime.store.findByAddress('instagram', IGSID)).toBeNull();
});

describe('the HUMAN_AGENT tag and its 7-day rule', () => {
  async function conversationLastWrittenAgo(ms: number) {
    const graph = graphCalls();
    await postSigned(fixture('text', Date.now() - ms));
    const conversation = await conversationWith(1);
    await quiet();
    return { conversation: (await baton.runtime.store.get(conversation.id))!, graph };
  }

  test('an agent reply two days after the customer wrote goes with the HUMAN_AGENT tag', async () => {
    const { conversation, graph } = await conversationLastWrittenAgo(48 * HOUR);
    const { checkWindow } = await import('../../../src/outbound/channelPolicy');
    const verdict = checkWindow({ channel: 'instagram', lastInboundAt: conversation.lastInboundAt, now, author: 'agent', kind: 'text' });
    expect(verdict).toMatchObject({ allowed: true, humanAgentTag: true });
    await baton.runtime.outbound.send({ conversation, author: 'agent', content: { text: 'Sorry for the wait' } });
    expect(graph.messages().at(-1)).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', message: { text: 'Sorry for the wait' } });
  });

  test('the bot may not use the tag: after 24 hours its message is refused by the window policy', async () => {
    const { conversation } = await conversationLastWrittenAgo(48 * HOUR);
    const { checkWindow } = await import('../../../src/outbound/channelPolicy');
    expect(checkWindow({ channel: 'instagram', lastInboundAt: conversation.lastInboundAt, now, author: 'bot', kind: 'text' })).toMatchObject({
      allowed: false,
      code: 'WINDOW_CLOSED',
      reason: expect.stringContaining("Instagram's 24-hour window closed"),
    });
  });

  test('after seven days nobody may write, not even an agent', async () => {
    const { conversation } = await conversationLastWrittenAgo(8 * 24 * HOUR);
    const { checkWindow } = await import('../../../src/outbound/channelPolicy');
    expect(checkWindow({ channel: 'instagram', lastInboundAt: conversation.lastInboundAt, now, author: 'agent', kind: 'text' })).toMatchObject({ allowed: false, code: 'WINDOW_CLOSED' });
  });
});

describe('refused requests', () => {
  test('a forged signature is refused with 403 and nothing is stored or sent', async () => {
    const graph = graphCalls();
    const raw = fixture('text');
    const res = await post(raw, { 'x-hub-signature-256': signMessengerBody(raw, 'not-the-app-secret') });
    expect(res.status).toBe(403);
    await quiet();
    expect(graph.messages()).toHaveLength(0);
    expect(await baton.runtime.store.findByAddress('instagram', IGSID)).toBeNull();
  });

  test('an unsigned request is refused with 403 and nothing is stored or sent', async () => {
    const graph = graphCalls();
    const res = await post(fixture('text'));
    expect(res.status).toBe(403);
    await quiet();
    expect(graph.messages()).toHaveLength(0);
    expect(await baton.runtime.store.findByAddress('instagram', IGSID)).toBeNull();
  });

  test('a Messenger (page) body sent to the Instagram endpoint is acknowledged and ignored', async () => {
    const graph = graphCalls();
    const res = await postSigned('{"object":"page","entry":[]}');
    expect(res.status).toBe(200);
    await quiet();
    expect(graph.messages()).toHaveLength(0);
  });
});

test('answers a retried delivery of the same mid once', async () => {
  const graph = graphCalls();
  const raw = fixture('text');
  const [a, b] = await Promise.all([postSigned(raw), postSigned(raw)]);
  const c = await postSigned(raw);
  expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
  await eventually(() => (graph.messages().length ? true : undefined));
  await quiet();
  expect(graph.messages()).toHaveLength(1);
  expect((await baton.runtime.store.findByAddress('instagram', IGSID))!.messageCount).toBe(2);
});

test('a read receipt moves our reply to read', async () => {
  const graph = graphCalls();
  await postSigned(fixture('text'));
  const conversation = await conversationWith(2);
  await quiet();
  expect(graph.messages().length).toBeGreaterThan(0);
  const reply = (await baton.runtime.store.listMessages(conversation.id)).find((m) => m.direction === 'outbound')!;
  await postSigned(fixture('read').replace('REPLY_MID', reply.platformMessageId!));
  await eventually(async () => ((await baton.runtime.store.listMessages(conversation.id)).find((m) => m.id === reply.id)?.status === 'read' ? true : undefined));
});
