import type { BotRunner } from '../../../src/bot/botRunner';
import type { ChannelSender, OutboundContent } from '../../../src/channels/types';
import { RedisConversationStore } from '../../../src/conversations/redisConversationStore';
import type { InboundMessageEvent } from '../../../src/conversations/types';
import { createEventHandler } from '../../../src/inbound/handleEvent';
import { TurnJournal } from '../../../src/inbound/turnJournal';
import { createLogger } from '../../../src/logger';
import { OutboundService } from '../../../src/outbound/outboundService';
import { connectRedis, type RedisConnection } from '../../../src/store/redisConnection';
import { uniquePrefix } from '../../support/redis';

/**
 * A turn cut short (its instance died, or it threw) runs again when its event comes back, from the
 * bot state it started with; replies the first run recorded are reused, not sent twice. A turn
 * that finished does not run again.
 */

const logger = createLogger('error');

class RecordingSender implements ChannelSender {
  readonly channel = 'whatsapp' as const;
  readonly sent: string[] = [];
  async send(_to: string, content: OutboundContent) {
    this.sent.push(content.text ?? '');
    return { platformMessageId: `SM${this.sent.length}`, status: 'queued' as const };
  }
  async senderAction(): Promise<void> {}
}

let redis: RedisConnection;
let store: RedisConversationStore;
let sender: RecordingSender;
let outbound: OutboundService;
beforeEach(() => {
  redis = connectRedis({ keyPrefix: uniquePrefix('rerun'), logger });
  store = new RedisConversationStore(redis.client);
  sender = new RecordingSender();
  outbound = new OutboundService({ store, senders: { whatsapp: sender }, redis: redis.client, logger });
});
afterEach(() => redis.close());

const event: InboundMessageEvent = {
  kind: 'message',
  channel: 'whatsapp',
  customerAddress: 'whatsapp:+919812345678',
  platformMessageId: 'SMrerun0000000000000000000000000001',
  timestamp: Date.now(),
  author: 'customer',
  text: 'where is my order SG-482913',
  media: [],
  answerable: true,
};

/**
 * A bot that answers in two replies and saves its state (a counter) first, as the dialogue brain
 * does. While `crashAfterFirst`, the turn dies after its first reply.
 */
function twoReplyBot(control: { crashAfterFirst: boolean; runs: number; seenState: (string | null)[] }): BotRunner {
  return {
    async runTurn(_event, conversation, io) {
      control.runs++;
      const state = await store.getBotState(conversation.id);
      control.seenState.push(state);
      await store.setBotState(conversation.id, JSON.stringify({ turns: (state ? (JSON.parse(state) as { turns: number }).turns : 0) + 1 }));
      await io.send({ text: 'Order SG-482913: shipped yesterday.' });
      if (control.crashAfterFirst) throw new Error('instance died mid-turn');
      await io.send({ text: 'Anything else?' });
      return { replies: [], language: 'en', signals: [] };
    },
  };
}

test('a cut-short turn runs again from its starting bot state, and each reply goes out once', async () => {
  const control = { crashAfterFirst: true, runs: 0, seenState: [] as (string | null)[] };
  const handle = createEventHandler({ store, outbound, bot: twoReplyBot(control), logger, journal: new TurnJournal(redis.client, 3600) });
  await expect(handle(event)).rejects.toThrow('instance died mid-turn');

  control.crashAfterFirst = false;
  await handle(event); // the same event again (redelivered, or reclaimed from the lane)

  expect(control.runs).toBe(2);
  // Both runs start with no state ('' reads as none, as for every reader of the bot state).
  expect(control.seenState.map((s) => s || null)).toEqual([null, null]);
  expect(sender.sent).toEqual(['Order SG-482913: shipped yesterday.', 'Anything else?']);
  const conversation = (await store.findByAddress('whatsapp', event.customerAddress))!;
  const messages = await store.listMessages(conversation.id);
  expect(messages.map((m) => [m.author, m.text, m.status])).toEqual([
    ['customer', event.text, 'received'],
    ['bot', 'Order SG-482913: shipped yesterday.', 'queued'],
    ['bot', 'Anything else?', 'queued'],
  ]);
  expect(await store.getBotState(conversation.id)).toBe(JSON.stringify({ turns: 1 }));
});

test('a finished turn does not run again when its event comes back', async () => {
  const control = { crashAfterFirst: false, runs: 0, seenState: [] as (string | null)[] };
  const handle = createEventHandler({ store, outbound, bot: twoReplyBot(control), logger, journal: new TurnJournal(redis.client, 3600) });
  await handle(event);
  await handle(event);
  expect(control.runs).toBe(1);
  expect(sender.sent).toHaveLength(2);
});

test('without a journal a redelivered message is only recorded once and not answered again', async () => {
  const control = { crashAfterFirst: false, runs: 0, seenState: [] as (string | null)[] };
  const handle = createEventHandler({ store, outbound, bot: twoReplyBot(control), logger });
  await handle(event);
  await handle(event);
  expect(control.runs).toBe(1);
});

test('the bot is handed the state its turn started from, also when the turn runs again', async () => {
  await store.findOrOpen({ channel: 'whatsapp', customerAddress: event.customerAddress });
  const opened = (await store.findByAddress('whatsapp', event.customerAddress))!;
  await store.setBotState(opened.id, JSON.stringify({ turns: 7 }));
  const handed: (string | null | undefined)[] = [];
  let crash = true;
  const bot: BotRunner = {
    async runTurn(_event, conversation, io, opts) {
      handed.push(opts?.botState);
      await store.setBotState(conversation.id, JSON.stringify({ turns: 8 }));
      await io.send({ text: 'Order SG-482913: shipped yesterday.' });
      if (crash) throw new Error('instance died mid-turn');
      return { replies: [], language: 'en', signals: [] };
    },
  };
  const handle = createEventHandler({ store, outbound, bot, logger, journal: new TurnJournal(redis.client, 3600) });
  await expect(handle(event)).rejects.toThrow('instance died mid-turn');
  crash = false;
  await handle(event);
  expect(handed).toEqual([JSON.stringify({ turns: 7 }), JSON.stringify({ turns: 7 })]);
  expect(sender.sent).toEqual(['Order SG-482913: shipped yesterday.']);
});

test('the replies to a message seen for the first time are sent without looking for earlier sends of them', async () => {
  const control = { crashAfterFirst: false, runs: 0, seenState: [] as (string | null)[] };
  const handle = createEventHandler({ store, outbound, bot: twoReplyBot(control), logger, journal: new TurnJournal(redis.client, 3600) });
  const hget = jest.spyOn(redis.client, 'hget');
  await handle(event);
  const idempotencyReads = hget.mock.calls.filter(([key]) => String(key).startsWith('out:'));
  expect(idempotencyReads).toEqual([]);
  expect(sender.sent).toEqual(['Order SG-482913: shipped yesterday.', 'Anything else?']);
});
