/**
 * How Baton names its Redis keys, in one place, so that they work on Redis Cluster.
 *
 * Redis Cluster spreads keys over 16384 slots (on several masters) by a hash of the key, and refuses
 * a Lua script, a MULTI or a multi-key command (MGET, DEL a b…) whose keys are in two slots
 * (CROSSSLOT). When a key holds `{…}`, only the text between the first `{` and the next `}` is
 * hashed: the hash tag. So the rule is:
 *
 *   Every key is `<kind>:{<tag>}[:<more>]`, built with `taggedKey`. Keys that one script, MULTI or
 *   multi-key command touches together carry the same tag: the entity that owns them.
 *
 *   - a conversation and its messages, transcript, bot state: tag = the conversation id;
 *   - a customer's keys: tag = the customer id;
 *   - an inbound lane's queue, lock and dedupe keys: tag = the lane's bucket (see below);
 *   - a small directory read and written as a whole (agents, teams, canned answers): one tag for
 *     the directory, e.g. `{agents}`.
 *
 * A global index that many entities write (all conversations by update time, a team's queue)
 * never joins an entity's script: it is written in a separate, idempotent step after the script.
 * Where the index must change atomically with the entity (a lane and the set of lanes that wait, a
 * conversation's send lane and the due schedule), the entities are spread over BUCKETS buckets
 * instead: the tag is the bucket (`bucketTag`), and whoever reads the index walks every bucket.
 *
 * ioredis's keyPrefix (REDIS_KEY_PREFIX, `baton:` by default) has no braces, so it never changes
 * a key's slot: `baton:conv:{c_123}:msgs` hashes on `c_123` like `conv:{c_123}`. A Lua script
 * touches only the keys passed to it in KEYS (ioredis prefixes KEYS, not strings a script makes up).
 * Single-key commands may use any key; a key without a tag is fine when it is only ever used alone.
 */

/** `kind:{tag}` or `kind:{tag}:more…`. The tag must not be empty (`{}` would hash the whole key). */
export function taggedKey(kind: string, tag: string, ...more: string[]): string {
  if (tag === '') throw new Error(`an empty hash tag for a ${kind} key`);
  return more.length ? `${kind}:{${tag}}:${more.join(':')}` : `${kind}:{${tag}}`;
}

/** How many buckets a bucketed index has. Changing it strands what is in the old buckets: keep it. */
export const BUCKETS = 16;

/** 32-bit FNV-1a: a stable, evenly spread number for a string (the same on every instance). */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The bucket (0…BUCKETS-1) an entity id falls in. */
export function bucketOf(id: string): number {
  return stableHash(id) % BUCKETS;
}

/** The hash tag of a bucket of an index: `<index>.<n>`, e.g. `lane.3`. */
export function bucketTag(index: string, bucket: number): string {
  return `${index}.${bucket}`;
}

/** Every bucket number, for readers that walk a bucketed index. */
export function allBuckets(): number[] {
  return Array.from({ length: BUCKETS }, (_, i) => i);
}
