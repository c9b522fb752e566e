import type Redis from 'ioredis';
import { handoffPacketSchema, type HandoffPacket } from './types';
import { taggedKey } from '../store/keys';

/** The handoff packet of a conversation's latest escalation: what the agent sees first. */
export class PacketStore {
  constructor(private readonly redis: Redis) {}

  async save(packet: HandoffPacket): Promise<void> {
    await this.redis.set(taggedKey('conv', packet.conversationId, 'packet'), JSON.stringify(handoffPacketSchema.parse(packet)));
  }

  async remove(conversationId: string): Promise<void> {
    await this.redis.del(taggedKey('conv', conversationId, 'packet'));
  }

  async get(conversationId: string): Promise<HandoffPacket | null> {
    const raw = await this.redis.get(taggedKey('conv', conversationId, 'packet'));
    if (!raw) return null;
    const parsed = handoffPacketSchema.safeParse(JSON.parse(raw));
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
