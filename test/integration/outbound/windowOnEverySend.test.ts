import type { ChannelSender, OutboundContent, SendOptions } from '../../../src/channels/types';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import type { ChannelName, Conversation } from '../../../src/conversations/types';
import { BatonError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import { HUMAN_AGENT_WINDOW_MS, SERVICE_WINDOW_MS } from '../../../src/outbound/channelPolicy';
import { OutboundService } from '../../../src/outbound/outboundService';
import { connectRedis, type RedisConnection } from '../../../src/store/redisConnection';
import { uniquePrefix } from '../../support/redis';

/**
 * OutboundService judges the channel's window itself, for every author: bot replies, system
 * messages (queue notices, surveys, verification codes) and agents. A refused send throws
 * WINDOW_CLOSED, is recorded on the transcript as refused, and never reaches the platform.
 */

const H = 3600_000;
const TEMPLATE = { contentSid: `HX${'b2'.repeat(16)}`, variables: { '1': 'SG-482913' } };

/** Records what reaches the platform (the subject here is the window, not the transport). */
class RecordingSender implements ChannelSender {
  readonly sent: { to: string; content: OutboundContent; options: SendOptions }[] = [];
  constructor(readonly channel: ChannelName) {}
  async send(to: string, content: OutboundContent, options: SendOptions) {
    this.sent.push({ to, content, options });
    return { platformMessageId: `${this.channel}-${this.sent.length}`, status: 'sent' as const };
  }
  async senderAction(): Promise<void> {}
}

let redis: RedisConnection;
let store: RedisConversationStore;
let senders: Record<'whatsapp' | 'messenger', RecordingSender>;
let offset = 0;
let outbound: OutboundService;

beforeEach(() => {
  redis = connectRedis({ keyPrefix: uniquePrefix('window'), logger: createLogger('error') });
  store = new RedisConversationStore(redis.client);
  senders = { whatsapp: new RecordingSender('whatsapp'), messenger: new RecordingSender('messenger') };
  offset = 0;
  outbound = new OutboundService({ store, senders, redis: redis.client, logger: createLogger('error'), clock: () => Date.now() + offset });
});
afterEach(() => redis.close());

/** A conversation whose customer wrote just now. */
async function customerWrote(channel: 'whatsapp' | 'messenger'): Promise<Conversation> {
  const address = channel === 'whatsapp' ? `whatsapp:+9198${Math.floor(Math.random() * 1e8)}` : `67${Math.floor(Math.random() * 1e12)}`;
  const { conversation } = await store.findOrOpen({ channel, customerAddress: address });
  await store.appendMessage(conversation, { direction: 'inbound', author: 'customer', text: 'hello', media: [], status: 'received', platformMessageId: `in-${address}` });
  return (await store.get(conversation.id))!;
}

async function refusal(p: Promise<unknown>): Promise<BatonError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BatonError);
  expect((err as BatonError).code).toBe('WINDOW_CLOSED');
  return err as BatonError;
}

describe.each(['bot', 'system', 'agent'] as const)('WhatsApp, author %s', (author) => {
  test('free text 23 hours after the customer wrote goes out', async () => {
    const conv = await customerWrote('whatsapp');
    offset = 23 * H;
    const m = await outbound.send({ conversation: conv, author, content: { text: 'Still here to help.' } });
    expect(m.status).toBe('sent');
    expect(senders.whatsapp.sent).toHaveLength(1);
  });

  test('free text 25 hours after the customer wrote is refused, recorded as refused and never sent', async () => {
    const conv = await customerWrote('whatsapp');
    offset = 25 * H;
    const err = await refusal(outbound.send({ conversation: conv, author, content: { text: 'Are you there?' } }));
    expect(err.message).toMatch(/24-hour window closed at .*template/);
    expect(senders.whatsapp.sent).toHaveLength(0);
    const refused = (await store.listMessages(conv.id)).filter((m) => m.direction === 'outbound');
    expect(refused).toEqual([
      expect.objectContaining({ author, text: 'Are you there?', status: 'failed', errorCode: 'WINDOW_CLOSED', meta: expect.objectContaining({ refused: true }) }),
    ]);
  });

  test('an approved template 25 hours after the customer wrote goes out', async () => {
    const conv = await customerWrote('whatsapp');
    offset = 25 * H;
    const m = await outbound.send({ conversation: conv, author, content: { template: TEMPLATE } });
    expect(m.status).toBe('sent');
    expect(senders.whatsapp.sent[0]!.content.template).toEqual(TEMPLATE);
  });
});

test('WhatsApp: a verification code to an address that never wrote is refused (no window at all)', async () => {
  const { conversation } = await store.findOrOpen({ channel: 'whatsapp', customerAddress: 'whatsapp:+919800000001' });
  const err = await refusal(outbound.send({ conversation, author: 'system', content: { text: 'Your code is 123456' }, meta: { verification: true } }));
  expect(err.message).toMatch(/has not written on WhatsApp yet/);
  expect(senders.whatsapp.sent).toHaveLength(0);
});

describe('Messenger', () => {
  test.each(['bot', 'system'] as const)('a %s message 25 hours after the customer wrote is refused: HUMAN_AGENT is for people only', async (author) => {
    const conv = await customerWrote('messenger');
    offset = 25 * H;
    const err = await refusal(outbound.send({ conversation: conv, author, content: { text: 'Anything else?' } }));
    expect(err.message).toMatch(/only a human agent may reply/);
    expect(senders.messenger.sent).toHaveLength(0);
  });

  test('an agent message 3 days after the customer wrote goes with the HUMAN_AGENT tag', async () => {
    const conv = await customerWrote('messenger');
    offset = 3 * 24 * H;
    const m = await outbound.send({ conversation: conv, author: 'agent', agentId: 'a1', content: { text: 'Sorry for the wait.' } });
    expect(m.status).toBe('sent');
    expect(m.meta?.tag).toBe('HUMAN_AGENT');
    expect(senders.messenger.sent[0]!.options.humanAgentTag).toBe(true);
  });

  test('an agent message inside 24 hours goes without a tag', async () => {
    const conv = await customerWrote('messenger');
    offset = SERVICE_WINDOW_MS - 1000;
    await outbound.send({ conversation: conv, author: 'agent', content: { text: 'Hi' } });
    expect(senders.messenger.sent[0]!.options.humanAgentTag).toBe(false);
  });

  test('an agent message after 7 days is refused and recorded as refused', async () => {
    const conv = await customerWrote('messenger');
    offset = HUMAN_AGENT_WINDOW_MS + 1000;
    const err = await refusal(outbound.send({ conversation: conv, author: 'agent', content: { text: 'Anyone there?' } }));
    expect(err.message).toMatch(/7-day human agent window closed/);
    expect(senders.messenger.sent).toHaveLength(0);
    expect((await store.listMessages(conv.id)).at(-1)).toMatchObject({ status: 'failed', errorCode: 'WINDOW_CLOSED' });
  });
});
