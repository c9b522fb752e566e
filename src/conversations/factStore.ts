import type Redis from 'ioredis';
import { z } from 'zod';
import { factKey } from '../nlu/facts/extractFacts';
import type { FactCandidate } from '../nlu/facts/types';
import { type Fact, factSchema } from './fact';
import { taggedKey } from '../store/keys';

export { factSchema, type Fact } from './fact';

/** What is stored: the fact and its place in its message (facts of one message keep their order). */
const storedFactSchema = factSchema.extend({ n: z.number().int().min(0) });

/** Most facts kept per conversation (the oldest go first). */
export const MAX_FACTS_PER_CONVERSATION = 100;

/** With the conversation's other keys (its hash tag: src/store/keys.ts). */
export const factsKey = (conversationId: string) => taggedKey('conv', conversationId, 'facts');
const key = factsKey;

function newestFirst(a: z.infer<typeof storedFactSchema>, b: z.infer<typeof storedFactSchema>): number {
  const byTime = Date.parse(b.at) - Date.parse(a.at);
  return byTime !== 0 ? byTime : a.n - b.n;
}

/** The fact sheet on Redis (or the embedded in-memory Redis): a hash per conversation, keyed by (kind, value). */
export class FactStore {
  constructor(private readonly redis: Redis) {}

  /** Adds the facts of one message (a repeat of a known fact moves it to this message). */
  async record(conversationId: string, message: { id: string; createdAt: number }, facts: readonly FactCandidate[]): Promise<void> {
    if (facts.length === 0) return;
    const at = new Date(message.createdAt).toISOString();
    const fields: string[] = [];
    facts.forEach((f, n) => {
      fields.push(factKey(f), JSON.stringify({ kind: f.kind, value: f.value, verified: f.verified, messageId: message.id, at, n }));
    });
    const results = await this.redis.multi().hset(key(conversationId), ...fields).hlen(key(conversationId)).exec();
    const size = Number(results?.[1]?.[1] ?? 0);
    if (size > MAX_FACTS_PER_CONVERSATION) await this.trim(conversationId);
  }

  /** The conversation's facts, newest first. Entries that do not parse (written by another version) are skipped. */
  async list(conversationId: string): Promise<Fact[]> {
    return (await this.readAll(conversationId))
      .map((e) => e.fact)
      .sort(newestFirst)
      .slice(0, MAX_FACTS_PER_CONVERSATION)
      .map(({ n: _n, ...fact }) => fact);
  }

  private async readAll(conversationId: string): Promise<{ field: string; fact: z.infer<typeof storedFactSchema> }[]> {
    const raw = await this.redis.hgetall(key(conversationId));
    const out: { field: string; fact: z.infer<typeof storedFactSchema> }[] = [];
    for (const [field, json] of Object.entries(raw)) {
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        continue;
      }
      const parsed = storedFactSchema.safeParse(value);
      if (parsed.success) out.push({ field, fact: parsed.data });
    }
    return out;
  }

  private async trim(conversationId: string): Promise<void> {
    const all = await this.readAll(conversationId);
    const oldest = all.sort((a, b) => newestFirst(a.fact, b.fact)).slice(MAX_FACTS_PER_CONVERSATION).map((e) => e.field);
    if (oldest.length > 0) await this.redis.hdel(key(conversationId), ...oldest);
  }
}
