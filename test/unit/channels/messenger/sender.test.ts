import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { appSecretProof, createMessengerSender } from '../../../../src/channels/messenger/sender';
import { ChannelSendError, type ChannelSender, type SendOptions } from '../../../../src/channels/types';
import { messengerConfig, recordingLogger, startFakeGraph, type FakeGraph, type FakeGraphReply } from './support';

const PATH = '/v21.0/me/messages';
const PSID = '6723456789012345';
const PROOF = createHmac('sha256', messengerConfig.appSecret).update(messengerConfig.pageAccessToken).digest('hex');
const BOT: SendOptions = { messageId: 'msg_01J2Z8K4', author: 'bot' };
const SENT: FakeGraphReply = { status: 200, body: { recipient_id: PSID, message_id: 'm_sent_1' } };

async function sendError(promise: Promise<unknown>): Promise<ChannelSendError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ChannelSendError) return err;
    throw err;
  }
  throw new Error('expected a ChannelSendError');
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('createMessengerSender', () => {
  const { logger, lines } = recordingLogger();
  let fake: FakeGraph;
  let sender: ChannelSender;

  beforeEach(async () => {
    fake = await startFakeGraph();
    sender = createMessengerSender({ config: { ...messengerConfig, graphUrl: fake.url }, timeoutMs: 300, logger });
    lines.length = 0;
  });
  afterEach(() => fake.close());

  const bodies = () => fake.requests.map((r) => r.body);

  it('computes appsecret_proof as hex HMAC-SHA256 of the token keyed with the App Secret', () => {
    expect(appSecretProof('token', 'secret')).toBe(createHmac('sha256', 'secret').update('token').digest('hex'));
  });

  it('sends a bot text as a RESPONSE with our metadata, token and appsecret_proof', async () => {
    fake.reply(SENT);
    const result = await sender.send(PSID, { text: 'Your order ships today.' }, BOT);
    expect(result).toEqual({ platformMessageId: 'm_sent_1', status: 'sent' });
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: PATH,
        query: { access_token: messengerConfig.pageAccessToken, appsecret_proof: PROOF },
        body: { recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: 'Your order ships today.', metadata: 'baton:msg_01J2Z8K4' } },
      },
    ]);
  });

  it('sends a text longer than 2,000 characters as several messages, cut between sentences', async () => {
    fake.reply(SENT);
    fake.reply(SENT);
    const sentence = 'Your order is packed and will ship today. ';
    const text = sentence.repeat(60).trim(); // 2,519 characters
    await sender.send(PSID, { text }, BOT);
    const texts = bodies().map((b) => (b as { message: { text: string } }).message.text);
    expect(texts).toHaveLength(2);
    expect(texts.every((t) => t.length <= 2000)).toBe(true);
    expect(texts[0]!.endsWith('today.')).toBe(true);
    expect(texts.join(' ')).toBe(text);
  });

  it('sends an agent reply with the HUMAN_AGENT tag when asked', async () => {
    fake.reply(SENT);
    await sender.send(PSID, { text: 'Priya here, checking now.' }, { messageId: 'msg_2', author: 'agent', humanAgentTag: true });
    expect(bodies()[0]).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  it('sends an agent reply without the tag as a RESPONSE', async () => {
    fake.reply(SENT);
    await sender.send(PSID, { text: 'Hello' }, { messageId: 'msg_3', author: 'agent' });
    expect(bodies()[0]).toMatchObject({ messaging_type: 'RESPONSE' });
    expect(bodies()[0]).not.toHaveProperty('tag');
  });

  it('refuses the HUMAN_AGENT tag on a bot or system message without calling Graph', async () => {
    const bot = sender.send(PSID, { text: 'auto' }, { ...BOT, humanAgentTag: true });
    await expect(bot).rejects.toThrow(/HUMAN_AGENT/);
    await expect(bot).rejects.not.toBeInstanceOf(ChannelSendError);
    await expect(sender.send(PSID, { text: 'auto' }, { messageId: 's', author: 'system', humanAgentTag: true })).rejects.toThrow(/HUMAN_AGENT/);
    expect(fake.requests).toHaveLength(0);
  });

  it('sends text first, then one reusable attachment per media URL, quick replies on the last', async () => {
    fake.reply(
      { status: 200, body: { recipient_id: PSID, message_id: 'm_text' } },
      { status: 200, body: { recipient_id: PSID, message_id: 'm_img' } },
      { status: 200, body: { recipient_id: PSID, message_id: 'm_pdf' } },
    );
    const result = await sender.send(
      PSID,
      {
        text: 'Here is your invoice',
        mediaUrls: ['https://cdn.example.com/parcel.jpg', 'https://cdn.example.com/invoice.pdf'],
        quickReplies: [{ title: 'Talk to a customer care agent', payload: 'HUMAN' }],
      },
      BOT,
    );
    expect(result).toEqual({ platformMessageId: 'm_text', status: 'sent' });
    expect(bodies().map((b) => (b as { message: unknown }).message)).toEqual([
      { text: 'Here is your invoice', metadata: 'baton:msg_01J2Z8K4' },
      { attachment: { type: 'image', payload: { url: 'https://cdn.example.com/parcel.jpg', is_reusable: true } }, metadata: 'baton:msg_01J2Z8K4' },
      {
        attachment: { type: 'file', payload: { url: 'https://cdn.example.com/invoice.pdf', is_reusable: true } },
        quick_replies: [{ content_type: 'text', title: 'Talk to a customer…', payload: 'HUMAN' }],
        metadata: 'baton:msg_01J2Z8K4',
      },
    ]);
  });

  it('sends at most 13 quick replies and warns about the rest', async () => {
    fake.reply(SENT);
    const quickReplies = Array.from({ length: 14 }, (_, i) => ({ title: `Q${i}`, payload: `P${i}` }));
    await sender.send(PSID, { text: 'Pick one', quickReplies }, BOT);
    expect((bodies()[0] as { message: { quick_replies: unknown[] } }).message.quick_replies).toHaveLength(13);
    expect(lines.some((l) => l.level === 'warn' && l.message.includes('13 quick replies'))).toBe(true);
  });

  it('refuses templates as not supported on Messenger, not retryable', async () => {
    const err = await sendError(sender.send(PSID, { template: { contentSid: 'HX123' } }, BOT));
    expect(err).toMatchObject({ channel: 'messenger', platformCode: 'TEMPLATE_UNSUPPORTED', retryable: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses an empty message', async () => {
    const err = await sendError(sender.send(PSID, { text: '' }, BOT));
    expect(err).toMatchObject({ platformCode: 'EMPTY_MESSAGE', retryable: false });
  });

  it('reports the outside-window error as code:subcode, not retryable, with the HTTP status', async () => {
    fake.reply({
      status: 400,
      body: { error: { message: 'This message is sent outside of allowed window.', type: 'OAuthException', code: 10, error_subcode: 2018278, fbtrace_id: 'AbC123xyz' } },
    });
    const err = await sendError(sender.send(PSID, { text: 'late' }, BOT));
    expect(err).toMatchObject({ platformCode: '10:2018278', retryable: false, httpStatus: 400 });
    expect(err.message).toContain('outside of allowed window');
    expect(err.message).toContain('AbC123xyz');
  });

  it.each([
    [1200, 'Temporary send message failure. Please try again later'],
    [2, 'An unexpected error has occurred. Please retry your request later.'],
    [4, 'Application request limit reached'],
    [613, 'Calls to this API have exceeded the rate limit.'],
  ])('marks Graph error %d as retryable', async (code, message) => {
    fake.reply({ status: 400, body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'x' } } });
    const err = await sendError(sender.send(PSID, { text: 'hi' }, BOT));
    expect(err).toMatchObject({ platformCode: String(code), retryable: true, httpStatus: 400 });
  });

  it('marks an invalid token (190) as not retryable', async () => {
    fake.reply({ status: 400, body: { error: { message: 'Error validating access token', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'x' } } });
    const err = await sendError(sender.send(PSID, { text: 'hi' }, BOT));
    expect(err).toMatchObject({ platformCode: '190:463', retryable: false });
  });

  it('marks 5xx and 429 answers as retryable even without a Graph error body', async () => {
    fake.reply({ status: 503, body: 'Service Unavailable' }, { status: 429, body: '' });
    expect(await sendError(sender.send(PSID, { text: 'hi' }, BOT))).toMatchObject({ platformCode: 'HTTP_503', retryable: true, httpStatus: 503 });
    expect(await sendError(sender.send(PSID, { text: 'hi' }, BOT))).toMatchObject({ platformCode: 'HTTP_429', retryable: true, httpStatus: 429 });
  });

  it('reports a Graph that does not answer in time as a retryable TIMEOUT', async () => {
    fake.reply({ status: 200, hang: true });
    const err = await sendError(sender.send(PSID, { text: 'hi' }, BOT));
    expect(err).toMatchObject({ platformCode: 'TIMEOUT', retryable: true });
  });

  it('reports a connection failure as a retryable NETWORK error that does not leak the token', async () => {
    const port = await closedPort();
    const offline = createMessengerSender({ config: { ...messengerConfig, graphUrl: `http://127.0.0.1:${port}` }, timeoutMs: 300, logger });
    const err = await sendError(offline.send(PSID, { text: 'hi' }, BOT));
    expect(err).toMatchObject({ platformCode: 'NETWORK', retryable: true });
    expect(err.message).not.toContain(messengerConfig.pageAccessToken);
  });

  it('does not retry a 2xx answer without message_id (the message may already be out)', async () => {
    fake.reply({ status: 200, body: { recipient_id: PSID } });
    expect(await sendError(sender.send(PSID, { text: 'hi' }, BOT))).toMatchObject({ platformCode: 'BAD_RESPONSE', retryable: false });
  });

  describe('senderAction', () => {
    it('sends only recipient and sender_action', async () => {
      fake.reply({ status: 200, body: { recipient_id: PSID } });
      await sender.senderAction(PSID, 'typing_on');
      expect(bodies()).toEqual([{ recipient: { id: PSID }, sender_action: 'typing_on' }]);
    });

    it('never throws, and warns without the PSID in clear', async () => {
      fake.reply({ status: 400, body: { error: { message: 'This person isn\'t available right now.', type: 'OAuthException', code: 551, fbtrace_id: 'x' } } });
      await expect(sender.senderAction(PSID, 'mark_seen')).resolves.toBeUndefined();
      const warn = lines.find((l) => l.level === 'warn');
      expect(warn?.message).toContain('551');
      expect(JSON.stringify(lines)).not.toContain(PSID);
    });

    it('swallows a network failure too', async () => {
      const port = await closedPort();
      const offline = createMessengerSender({ config: { ...messengerConfig, graphUrl: `http://127.0.0.1:${port}` }, timeoutMs: 300, logger });
      await expect(offline.senderAction(PSID, 'typing_off')).resolves.toBeUndefined();
      expect(lines.some((l) => l.level === 'warn' && l.message.includes('NETWORK'))).toBe(true);
    });
  });
});
