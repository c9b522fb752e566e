import type Redis from 'ioredis';

/**
 * The atomic steps of the identity store. Each checks what the caller read a moment ago and
 * answers 'retry' when another instance changed it in between, so two instances can never give
 * one address to two customers.
 */

/**
 * Gives up to two identifiers (index keys) to one customer, creating the customer if asked.
 * KEYS: customer, customerAddresses, then only the keys the slots use (see claimIdentifiers).
 * ARGV: id, create ('1'/'0'), expected1, field1, verified1, expected2, field2, verified2, the KEYS
 * positions of index1, previousOwnerAddresses1, index2, previousOwnerAddresses2 (0 = not used), then
 * the new customer's field/value pairs. An empty field skips that slot; `expected` is the index value
 * read before ('' = none). A verified address is never downgraded.
 * Returns 'ok' | 'retry' | 'missing'.
 */
const CLAIM = `
local id = ARGV[1]
local function key(i)
  local n = tonumber(i)
  if n == 0 then return false end
  return KEYS[n]
end
if ARGV[2] == '1' then
  if redis.call('EXISTS', KEYS[1]) == 1 then return 'retry' end
else
  if not redis.call('HGET', KEYS[1], 'createdAt') then return 'missing' end
  if redis.call('HGET', KEYS[1], 'mergedInto') then return 'retry' end
end
local slots = {{key(ARGV[9]), key(ARGV[10]), ARGV[3], ARGV[4], ARGV[5]}, {key(ARGV[11]), key(ARGV[12]), ARGV[6], ARGV[7], ARGV[8]}}
for _, s in ipairs(slots) do
  if s[4] ~= '' then
    local current = redis.call('GET', s[1]) or ''
    if current ~= s[3] then return 'retry' end
  end
end
if ARGV[2] == '1' then
  local fields = {}
  for i = 13, #ARGV do fields[#fields + 1] = ARGV[i] end
  redis.call('HSET', KEYS[1], unpack(fields))
end
for _, s in ipairs(slots) do
  if s[4] ~= '' then
    if s[3] ~= '' and s[3] ~= id then redis.call('HDEL', s[2], s[4]) end
    redis.call('SET', s[1], id)
    if redis.call('HGET', KEYS[2], s[4]) ~= '1' then redis.call('HSET', KEYS[2], s[4], s[5]) end
  end
end
return 'ok'
`;

/**
 * Links conversations to a live customer. KEYS: customer, conversations. ARGV: member, score, …
 * Returns 'ok' | 'missing' | 'moved:<id>' (the customer was merged; link to that one instead).
 */
const ATTACH = `
if not redis.call('HGET', KEYS[1], 'createdAt') then return 'missing' end
local merged = redis.call('HGET', KEYS[1], 'mergedInto')
if merged then return 'moved:' .. merged end
for i = 1, #ARGV, 2 do redis.call('ZADD', KEYS[2], 'NX', ARGV[i + 1], ARGV[i]) end
return 'ok'
`;

/**
 * Marks the source merged into the target: from here on every reader follows it.
 * KEYS: source, target. ARGV: targetId, now.
 * Returns 'ok' | 'missing_source' | 'missing_target' | 'source_merged' | 'target_merged'.
 */
const MARK_MERGED = `
if not redis.call('HGET', KEYS[1], 'createdAt') then return 'missing_source' end
if not redis.call('HGET', KEYS[2], 'createdAt') then return 'missing_target' end
if redis.call('HGET', KEYS[1], 'mergedInto') then return 'source_merged' end
if redis.call('HGET', KEYS[2], 'mergedInto') then return 'target_merged' end
redis.call('HSET', KEYS[1], 'mergedInto', ARGV[1], 'mergedAt', ARGV[2])
return 'ok'
`;

/**
 * Counts one attempt at a pending verification before its code is checked, so concurrent guesses
 * cannot exceed the limit. KEYS: pending. ARGV: verification id, max attempts.
 * Returns the attempts used including this one, -1 when that verification is gone, -2 when locked.
 */
const RESERVE_ATTEMPT = `
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return -1 end
local used = tonumber(redis.call('HGET', KEYS[1], 'attempts') or '0')
if used >= tonumber(ARGV[2]) then return -2 end
return redis.call('HINCRBY', KEYS[1], 'attempts', 1)
`;

/** Deletes the pending verification if it is still this one. KEYS: pending. ARGV: id. Returns 1 | 0. */
const CONSUME = `
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;

export type IdentityRedis = Redis & {
  /** CLAIM with 3, 4, 5 or 6 keys (the embedded emulator needs a fixed number of keys per command). */
  identityClaim3(...keysAndArgv: string[]): Promise<string>;
  identityClaim4(...keysAndArgv: string[]): Promise<string>;
  identityClaim5(...keysAndArgv: string[]): Promise<string>;
  identityClaim6(...keysAndArgv: string[]): Promise<string>;
  identityAttach(k1: string, k2: string, ...argv: string[]): Promise<string>;
  identityMarkMerged(k1: string, k2: string, ...argv: string[]): Promise<string>;
  identityReserveAttempt(k1: string, ...argv: string[]): Promise<number>;
  identityConsume(k1: string, ...argv: string[]): Promise<number>;
};

export function defineIdentityScripts(redis: Redis): IdentityRedis {
  const r = redis as IdentityRedis;
  if (typeof r.identityClaim3 === 'function') return r;
  // Only the keys a claim uses are passed: one command per number of keys.
  for (const n of [3, 4, 5, 6]) redis.defineCommand(`identityClaim${n}`, { numberOfKeys: n, lua: CLAIM });
  redis.defineCommand('identityAttach', { numberOfKeys: 2, lua: ATTACH });
  redis.defineCommand('identityMarkMerged', { numberOfKeys: 2, lua: MARK_MERGED });
  redis.defineCommand('identityReserveAttempt', { numberOfKeys: 1, lua: RESERVE_ATTEMPT });
  redis.defineCommand('identityConsume', { numberOfKeys: 1, lua: CONSUME });
  return r;
}

/** One identifier a claim gives to the customer. */
export interface ClaimSlot {
  /** The identifier's index key. */
  index: string;
  /** The address field on the customer's hash. */
  field: string;
  verified: boolean;
  /** The index value read before ('' = none); its owner loses the field when it is another customer. */
  expected: string;
  /** That owner's addresses hash (needed when expected is another customer). */
  previousOwnerAddresses?: string;
}

/**
 * Runs the CLAIM script with only the keys it uses (no stand-in keys): the customer, its addresses,
 * and per slot its index and the previous owner's addresses.
 */
export function claimIdentifiers(
  r: IdentityRedis,
  c: { customer: string; addresses: string; id: string; create: boolean; slots: ClaimSlot[]; fields?: string[] },
): Promise<string> {
  const keys = [c.customer, c.addresses];
  const at = (k: string | undefined): string => {
    if (!k) return '0';
    keys.push(k);
    return String(keys.length);
  };
  const positions: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < 2; i++) {
    const slot = c.slots[i];
    positions.push(at(slot?.index), at(slot?.expected ? slot.previousOwnerAddresses : undefined));
    values.push(slot?.expected ?? '', slot?.field ?? '', slot?.verified ? '1' : '0');
  }
  const argv = [...keys, c.id, c.create ? '1' : '0', ...values, ...positions, ...(c.fields ?? [])];
  switch (keys.length) {
    case 3:
      return r.identityClaim3(...argv);
    case 4:
      return r.identityClaim4(...argv);
    case 5:
      return r.identityClaim5(...argv);
    case 6:
      return r.identityClaim6(...argv);
    default:
      throw new Error(`a claim uses 3 to 6 keys, not ${keys.length}`);
  }
}
