import type Redis from 'ioredis';
import { ESCALATION_REASONS, handoffPacketSchema, PRIORITIES, type HandoffPacket } from './types';
import { taggedKey } from '../store/keys';
import { jsonDictionary, packJson, unpackJson } from '../store/packedJson';
import { parseJson } from '../inbox/redisLike';

/**
 * The dictionary a packet is deflated with (packedJson.ts): the packet's field names in the order
 * handoffPacketSchema writes them, and its fixed values (reasons, priorities, sentiment labels,
 * channels). Never change these bytes: a new dictionary gets a new id.
 */
const PACKET_DICTIONARY = jsonDictionary(2, [
  ...ESCALATION_REASONS.map((r) => `"${r}"`),
  ...PRIORITIES.map((p) => `"${p}"`),
  '"cameFromCall":{"at":17,"via":"sms"},"crm":{"fetchedAt":17',
  '"history":[{"conversationId":"c_","channel":"","status":"resolved","startedAt":17,"lastMessageAt":17,"preview":""}]',
  '"summary":"","createdAt":17',
  '"sentiment":{"label":"negative","score":0,"anger":0},"customer":{"id":"cu_","name":"","vip":false,"addresses":[{"channel":"whatsapp","address":"whatsapp:+","verified":true}]},"history":[],',
  '"answered":[{"intent":"","text":"","at":17',
  '"slots":{},"facts":[{"kind":"order_number","value":"","verified":true,"messageId":"m","at":"20',
  '{"conversationId":"c_","channel":"whatsapp","reason":"customer_requested","reasons":["customer_requested"],"team":"","priority":"normal","language":"en","intents":[{"intent":"","confidence":0.9,"at":17',
]);

/** The handoff packet of a conversation's latest escalation: what the agent sees first. Kept deflated (packedJson.ts). */
export class PacketStore {
  constructor(private readonly redis: Redis) {}

  async save(packet: HandoffPacket): Promise<void> {
    await this.redis.set(taggedKey('conv', packet.conversationId, 'packet'), packJson(JSON.stringify(handoffPacketSchema.parse(packet)), PACKET_DICTIONARY));
  }

  async remove(conversationId: string): Promise<void> {
    await this.redis.del(taggedKey('conv', conversationId, 'packet'));
  }

  /** The packet, deflated or as plain JSON written before; null when there is none or it does not read. */
  async get(conversationId: string): Promise<HandoffPacket | null> {
    const json = unpackJson(await this.redis.getBuffer(taggedKey('conv', conversationId, 'packet')), [PACKET_DICTIONARY]);
    const parsed = handoffPacketSchema.safeParse(parseJson(json));
    return parsed.success ? parsed.data : null;
  }
}

const waitsKey = (team: string) => taggedKey('waits', team);

/** Recent waits (queued → assigned) per team, for "about N minutes" estimates. */
export class WaitStats {
  constructor(private readonly redis: Redis) {}

  async record(team: string, waitMs: number): Promise<void> {
    await this.redis.multi().lpush(waitsKey(team), String(Math.max(0, Math.round(waitMs)))).ltrim(waitsKey(team), 0, 49).exec();
  }

  async recent(team: string): Promise<number[]> {
    return (await this.redis.lrange(waitsKey(team), 0, -1)).map(Number);
  }
}
