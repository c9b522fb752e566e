import type Redis from 'ioredis';
import { z } from 'zod';
import { factKey } from '../nlu/facts/extractFacts';
import type { FactCandidate } from '../nlu/facts/types';
import { type Fact, factSchema } from './fact';
import { taggedKey } from '../store/keys';
import { packedMessageId, parsePackedId } from './packedMessage';

export { factSchema, type Fact } from './fact';

/** What versions before stored: the fact in full and its place in its message (facts of one message keep their order). */
const storedFactSchema = factSchema.extend({ n: z.number().int().min(0) });
type StoredFact = z.infer<typeof storedFactSchema>;

/**
 * What is stored now, short enough (about 45 bytes) for the conversation's hash to keep Redis's
 * compact encoding (values of at most 64 bytes): v value, i the message's index when it is a message
 * of this conversation (`m<i>.<conversation id>`), else m its id, t its time (ms, base 36), n the
 * place in the message, u 1 when unverified.
 * The kind is the hash field's (factKey: `<kind>:<normalised value>`).
 */
const packedFactSchema = z.object({
  v: z.string(),
  i: z.number().int().min(0).optional(),
  m: z.string().min(1).optional(),
  t: z.string().regex(/^[0-9a-z]{1,11}$/),
  n: z.number().int().min(0),
  u: z.literal(1).optional(),
});

function packFact(conversationId: string, f: FactCandidate, message: { id: string; createdAt: number }, n: number): string {
  const own = parsePackedId(message.id);
  const ref = own && own.conversationId === conversationId ? { i: own.index } : { m: message.id };
  return JSON.stringify({ v: f.value, ...ref, t: Math.round(message.createdAt).toString(36), n, u: f.verified ? undefined : 1 });
}

/** A stored fact (packed, or in full as written before); undefined when it does not read. */
function unpackFact(conversationId: string, field: string, json: string): StoredFact | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const packed = packedFactSchema.safeParse(value);
  if (packed.success) {
    const p = packed.data;
    const messageId = p.i !== undefined ? packedMessageId(p.i, conversationId) : p.m;
    const fact = storedFactSchema.safeParse({ kind: field.slice(0, field.indexOf(':')), value: p.v, verified: p.u !== 1, messageId, at: new Date(parseInt(p.t, 36)).toISOString(), n: p.n });
    return fact.success ? fact.data : undefined;
  }
  const full = storedFactSchema.safeParse(value);
  return full.success ? full.data : undefined;
}

/** Most facts kept per conversation (the oldest go first). */
export const MAX_FACTS_PER_CONVERSATION = 100;

/** With the conversation's other keys (its hash tag: src/store/keys.ts). */
export const factsKey = (conversationId: string) => taggedKey('conv', conversationId, 'facts');
const key = factsKey;

function newestFirst(a: StoredFact, b: StoredFact): number {
  const byTime = Date.parse(b.at) - Date.parse(a.at);
  return byTime !== 0 ? byTime : a.n - b.n;
}

/** The fact sheet on Redis (or the embedded in-memory Redis): a hash per conversation, keyed by (kind, value). */
export class FactStore {
  constructor(private readonly redis: Redis) {}

  /** Adds the facts of one message (a repeat of a known fact moves it to this message). */
  async record(conversationId: string, message: { id: string; createdAt: number }, facts: readonly FactCandidate[]): Promise<void> {
    if (facts.length === 0) return;
    const fields: string[] = [];
    facts.forEach((f, n) => {
      fields.push(factKey(f), packFact(conversationId, f, message, n));
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

  private async readAll(conversationId: string): Promise<{ field: string; fact: StoredFact }[]> {
    const raw = await this.redis.hgetall(key(conversationId));
    const out: { field: string; fact: StoredFact }[] = [];
    for (const [field, json] of Object.entries(raw)) {
      const fact = unpackFact(conversationId, field, json);
      if (fact) out.push({ field, fact });
    }
    return out;
  }

  private async trim(conversationId: string): Promise<void> {
    const all = await this.readAll(conversationId);
    const oldest = all.sort((a, b) => newestFirst(a.fact, b.fact)).slice(MAX_FACTS_PER_CONVERSATION).map((e) => e.field);
    if (oldest.length > 0) await this.redis.hdel(key(conversationId), ...oldest);
  }
}
