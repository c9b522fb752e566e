import type Redis from 'ioredis';
import { BatonError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  ConversationPatch,
  ConversationRef,
  ConversationStore,
  OwnershipTransition,
  TransitionResult,
  ListConversationsQuery,
  OpenConversationInput,
  StatusUpdateResult,
} from './conversationStore';
import type { ChannelName, Conversation, DeliveryStatus, Message, NewMessage } from './types';
import { STATUS_RANK } from './types';
import { taggedKey } from '../store/keys';
import { ConversationIndexes, LIST_MAX_SCAN, queueScore } from './conversationIndexes';
import type { Logger } from '../logger';
import { factsKey } from './factStore';
import { escapeField, headerPid, packCsat, packedMessageId, packHeaderTime, packMessage, parsePackedId, STATUS_CODES_LUA, unpackCsat, unpackMessage } from './packedMessage';

export { queueScore };
import { randomHex } from '../store/randomHex';
import { jsonDictionary, packJson, unpackJson } from '../store/packedJson';

/** Sortable, unique ids: time in base36 + randomness ("c_lq2x9a1b_3f9a1c2d"). */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomHex(5)}`;
}

/**
 * A message's id carries its conversation's id after a dot ("m_lq2x9b_0a1b2c3d4e.c_lq2x9a1b_3f9a1c2d"),
 * so the message's key can carry the conversation's hash tag: a message is written in one script
 * with its conversation, on Redis Cluster too.
 */
export function newMessageId(conversationId: string): string {
  return `${newId('m')}.${conversationId}`;
}

/** The conversation a message id names (ids written before messages carried it: none). */
export function conversationOfMessage(messageId: string): string | undefined {
  const dot = messageId.indexOf('.');
  return dot > 0 && dot < messageId.length - 1 ? messageId.slice(dot + 1) : undefined;
}

/**
 * The store's keys (naming rule: src/store/keys.ts). A conversation's keys and its messages' keys
 * share the conversation id as hash tag; the indexes (by address, by platform id, by update time, a
 * team's queue, an agent's active set) are each their own entity, written in separate idempotent
 * steps after the conversation's script.
 */
const K = {
  conv: (id: string) => taggedKey('conv', id),
  /** List: the transcript, one packed entry per message (packedMessage.ts). */
  log: (id: string) => taggedKey('conv', id, 'log'),
  /** List of message ids of the previous format (a hash per message, `msg:{conv}:<id>`): read, no longer written. */
  messages: (id: string) => taggedKey('conv', id, 'msgs'),
  botState: (id: string) => taggedKey('conv', id, 'bot'),
  /**
   * Hash: platform message id → the message's list index (or, written before, its id): the
   * conversation's de-duplication of platform messages (redelivered webhooks). A customer's messages
   * only: a send's platform id is on its entry and in msg:pid (ATTACH_PACKED); versions before wrote
   * sends' too. Expires platformIdTtlSeconds after its last write.
   */
  pids: (id: string) => taggedKey('conv', id, 'pids'),
  /**
   * Hash: platform id → status updates that arrived, carrying the message's id, before the send's
   * platform id was on its entry ('status|code|message' lines); applied by ATTACH_PACKED. Expires in an hour.
   */
  held: (id: string) => taggedKey('conv', id, 'held'),
  /** A message of the previous format (a hash of its own). */
  msg: (id: string) => taggedKey('msg', conversationOfMessage(id) ?? id, id),
  byAddress: (channel: string, address: string) => taggedKey('conv:addr', `${channel}:${address}`),
  index: 'convs:by-update',
  /**
   * String: a sent message's platform id → its id, for delivery receipts that name the platform id
   * only; expires (platformIdTtlSeconds). Not written for channels whose receipts carry the message
   * id (Twilio's StatusCallback query) or are watermarks (Messenger); still read.
   */
  byPlatform: (channel: string, pid: string) => taggedKey('msg:pid', `${channel}:${pid}`),
  parked: (channel: string, pid: string) => taggedKey('msg:parked', `${channel}:${pid}`),
  queue: (team: string) => taggedKey('queue', team),
  agentActive: (agentId: string) => taggedKey('agent', agentId, 'active'),
  /** Hash next to an index set: member → the conversation's ownerToken that last changed it. */
  tokens: (indexKey: string) => `${indexKey}:tokens`,
};

/**
 * The dictionary a bot state is deflated with (packedJson.ts): the store keeps the state as opaque
 * JSON, but knows what it usually holds (the dialogue state's field names, as serializeDialogueState
 * writes them), which is most of what a small state would otherwise spend. Never change these bytes:
 * a new dictionary gets a new id.
 */
const BOT_STATE_DICTIONARY = jsonDictionary(1, [
  '"pending":{"intent":"","slot":""},"confirm":"',
  '"offered":[{"title":"","payload":"intent:"}]',
  '"answered":["',
  '],"recognised":[["',
  '",0.9',
  ',17',
  '{"language":"en","misunderstandings":0,"slots":{},"recognised":[["',
]);

const RANK_LUA = `local rank = {${Object.entries(STATUS_RANK)
  .map(([k, v]) => `['${k}']=${v}`)
  .join(',')}}
local function advance(key, status, code, emsg, now)
  local cur = redis.call('HGET', key, 'status')
  if not cur then return 0 end
  if cur == 'failed' or cur == 'undelivered' then return 0 end
  if status == 'failed' or status == 'undelivered' then
    if cur == 'read' or cur == 'delivered' then return 0 end
  elseif (rank[status] or -1) <= (rank[cur] or -1) then return 0 end
  redis.call('HSET', key, 'status', status, 'updatedAt', now)
  if code ~= '' then redis.call('HSET', key, 'errorCode', code) end
  if emsg ~= '' then redis.call('HSET', key, 'errorMessage', emsg) end
  return 1
end
`;

/** KEYS: byAddress. ARGV: new id. The conversation id the address has, given the new one if it had none. */
const CLAIM_ADDRESS = `
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]
`;

/**
 * KEYS: conv. ARGV: field/value pairs. Writes the conversation unless it exists.
 * Returns {1} when it wrote it (the hash is the fields given), {0, hash} when it was there.
 */
const OPEN = `
if redis.call('EXISTS', KEYS[1]) == 1 then return {0, redis.call('HGETALL', KEYS[1])} end
redis.call('HSET', KEYS[1], unpack(ARGV))
return {1}
`;

/** KEYS: index. ARGV: score, member. Moves a member's score forward only (index writes may arrive out of order). */
const INDEX_FORWARD = `
local current = redis.call('ZSCORE', KEYS[1], ARGV[2])
if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
return 1
`;

/**
 * KEYS: index (sorted set or set), its tokens hash. ARGV: 'z' | 's', member, ownerToken, '+' | '-', score.
 * Adds or removes a conversation, unless a change made under a later ownerToken got there first:
 * the index steps of two transitions may run in either order, the later state wins.
 */
const INDEX_SYNC = `
local seen = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '-1')
if tonumber(ARGV[3]) < seen then return 0 end
if ARGV[4] == '+' then
  redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
  if ARGV[1] == 'z' then redis.call('ZADD', KEYS[1], ARGV[5], ARGV[2]) else redis.call('SADD', KEYS[1], ARGV[2]) end
else
  redis.call('HDEL', KEYS[2], ARGV[2])
  if ARGV[1] == 'z' then redis.call('ZREM', KEYS[1], ARGV[2]) else redis.call('SREM', KEYS[1], ARGV[2]) end
end
return 1
`;

/** KEYS: msg. ARGV: status, code, message, now. */
const ADVANCE = `${RANK_LUA}
return advance(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])`;

/** KEYS: msg. ARGV: status, code, message, now. Returns {1 applied | 0 stale, the message's hash}. */
const ADVANCE_AND_GET = `${RANK_LUA}
local applied = advance(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
return {applied, redis.call('HGETALL', KEYS[1])}`;

/** KEYS: byPlatform, parked (one platform id: one slot). ARGV: message id, ttl (s). Indexes the platform id; returns the updates parked for it. */
const INDEX_PID = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return redis.call('LRANGE', KEYS[2], 0, -1)
`;

/**
 * KEYS: msg, pids (one conversation). ARGV: id, pid, status, now, then parked updates. Applies them.
 * Returns the message's hash as it now is. Status updates only move forward: applying a parked one
 * twice (a retry) changes nothing.
 */
const ATTACH = `${RANK_LUA}
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[1], 'platformMessageId', ARGV[2], 'updatedAt', ARGV[4])
advance(KEYS[1], ARGV[3], '', '', ARGV[4])
for i = 5, #ARGV do
  local s, c, m = string.match(ARGV[i], '^([^|]*)|([^|]*)|(.*)$')
  if s then advance(KEYS[1], s, c, m, ARGV[4]) end
end
return redis.call('HGETALL', KEYS[1])
`;

/** KEYS: byPlatform, parked. ARGV: entry, ttl. Returns the message id if known, else parks. */
const PARK = `
local id = redis.call('GET', KEYS[1])
if id then return id end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return false
`;

/**
 * KEYS: conv. The team queues and agents' active sets are updated after it (INDEX_SYNC).
 * ARGV: convId, allowed statuses (csv), expected token or '', expected team, expected assignee, to status,
 * now, reopen ('1'/'0'), unused, then field/value pairs ('' value removes the field).
 * Returns {'ok', token, hash} | {'status', 0, hash} | {'token', 0, hash} | {'retry'} | {'missing'}, where hash
 * is the conversation's hash after the call.
 */
const TRANSITION = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing'} end
local allowed = false
for s in string.gmatch(ARGV[2], '[^,]+') do if s == status then allowed = true end end
if not allowed then return {'status', 0, redis.call('HGETALL', KEYS[1])} end
local token = redis.call('HGET', KEYS[1], 'ownerToken') or '0'
if ARGV[3] ~= '' and ARGV[3] ~= token then return {'token', 0, redis.call('HGETALL', KEYS[1])} end
if (redis.call('HGET', KEYS[1], 'team') or '') ~= ARGV[4] then return {'retry'} end
if (redis.call('HGET', KEYS[1], 'assigneeId') or '') ~= ARGV[5] then return {'retry'} end
for i = 10, #ARGV, 2 do
  if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i]) else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
redis.call('HSET', KEYS[1], 'status', ARGV[6], 'updatedAt', ARGV[7])
if ARGV[8] == '1' then redis.call('HINCRBY', KEYS[1], 'reopenCount', 1) end
local newToken = redis.call('HINCRBY', KEYS[1], 'ownerToken', 1)
return {'ok', newToken, redis.call('HGETALL', KEYS[1])}
`;

/** KEYS: conv. ARGV: field/value pairs. Returns {1, hash} or {0} when there is no such conversation. */
const UPDATE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
redis.call('HSET', KEYS[1], unpack(ARGV))
return {1, redis.call('HGETALL', KEYS[1])}
`;

/**
 * Packed transcript entries (packedMessage.ts): `status|updatedAt|pid|errorCode|errorMessage|{body}`,
 * the status as one letter (its name in entries written before); parse gives the name, pack writes the letter.
 * `entryAdvance` moves an entry's status forward by the same rule as RANK_LUA's `advance`.
 */
const ENTRY_LUA = `${RANK_LUA}${STATUS_CODES_LUA}
local function esc(s) return (string.gsub(s, '%%', '%%25')) end
local function parse(e)
  local s, u, p, c, m, body = string.match(e, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|([^|]*)|(.*)$')
  if s then s = STATUS_NAME[s] or s end
  return s, u, p, c, m, body
end
local function pack(s, u, p, c, m, body) return (STATUS_CODE[s] or s) .. '|' .. u .. '|' .. p .. '|' .. c .. '|' .. m .. '|' .. body end
local function canAdvance(cur, status)
  if cur == 'failed' or cur == 'undelivered' then return false end
  if status == 'failed' or status == 'undelivered' then return cur ~= 'read' and cur ~= 'delivered' end
  return (rank[status] or -1) > (rank[cur] or -1)
end
`;

/** How many of the newest transcript entries an append looks through for the platform id of the message it appends. */
export const RECENT_PIDS = 64;

/**
 * KEYS: log, pids, conv (one conversation: one slot).
 * ARGV: conversationId, now, preview, isInbound ('1'/'0'), platform id ('' when none), fence ('' or token),
 * return the conversation ('1'/'0'), the packed entry, the platform id as entries written before kept it
 * (escaped), the platform id as an entry's header keeps it (headerPid).
 * Returns {id, 0 new | 1 duplicate | 2 fenced out, the conversation's updatedAt, conversation hash (when asked)}.
 * A message whose platform id is on one of the newest RECENT_PIDS entries (or, written by versions
 * before, in the pids hash) is a duplicate: a turn replayed after a crash appends its message again,
 * and what came after it is at most its replies and notes. Webhooks redelivered later are dropped
 * before they reach here, by the lane's de-duplication (inboundQueue.ts).
 */
const APPEND_PACKED = `
if ARGV[6] ~= '' then
  local token = redis.call('HGET', KEYS[3], 'ownerToken') or '0'
  if token ~= ARGV[6] then return {'', 2} end
end
local hasPid = ARGV[5] ~= ''
if hasPid then
  local known = redis.call('HGET', KEYS[2], ARGV[5])
  if not known then
    local recent = redis.call('LRANGE', KEYS[1], -${RECENT_PIDS}, -1)
    local first = redis.call('LLEN', KEYS[1]) - #recent
    for i = #recent, 1, -1 do
      local p = string.match(recent[i], '^[^|]*|[^|]*|([^|]*)|')
      if p == ARGV[10] or p == ARGV[9] then
        known = math.floor(first + i - 1)
        break
      end
    end
  end
  if known then
    known = tostring(known)
    if string.match(known, '^%d+$') then known = 'm' .. known .. '.' .. ARGV[1] end
    local updated = redis.call('HGET', KEYS[3], 'updatedAt') or '0'
    if ARGV[7] == '1' then return {known, 1, updated, redis.call('HGETALL', KEYS[3])} end
    return {known, 1, updated}
  end
end
local index = math.floor(redis.call('RPUSH', KEYS[1], ARGV[8])) - 1
local id = 'm' .. index .. '.' .. ARGV[1]
redis.call('HINCRBY', KEYS[3], 'messageCount', 1)
local prevUpdated = tonumber(redis.call('HGET', KEYS[3], 'updatedAt') or '0')
local at = math.max(prevUpdated, tonumber(ARGV[2]))
redis.call('HSET', KEYS[3], 'updatedAt', at, 'lastMessageAt', ARGV[2], 'lastMessagePreview', ARGV[3])
if ARGV[4] == '1' then redis.call('HSET', KEYS[3], 'lastInboundAt', ARGV[2], 'lastInboundPreview', ARGV[3]) end
if ARGV[4] == '1' and redis.call('HGET', KEYS[3], 'firstInboundAt') == false then redis.call('HSET', KEYS[3], 'firstInboundAt', ARGV[2]) end
if ARGV[7] == '1' then return {id, 0, tostring(at), redis.call('HGETALL', KEYS[3])} end
return {id, 0, tostring(at)}
`;

/** KEYS: log. ARGV: index, status, code, message (escaped), now. Returns {1 applied | 0 stale, the entry (false when none)}. */
const ADVANCE_PACKED = `${ENTRY_LUA}
local e = redis.call('LINDEX', KEYS[1], ARGV[1])
if not e then return {0, false} end
local s, u, p, c, m, body = parse(e)
if not s or not canAdvance(s, ARGV[2]) then return {0, e} end
if ARGV[3] ~= '' then c = ARGV[3] end
if ARGV[4] ~= '' then m = ARGV[4] end
e = pack(ARGV[2], ARGV[5], p, c, m, body)
redis.call('LSET', KEYS[1], ARGV[1], e)
return {1, e}
`;

/**
 * KEYS: log, held. ARGV: index, pid (as the header keeps it: headerPid), status, now, pid, then parked updates
 * ('status|code|message'). Records the platform id on the entry, applies the status, the parked
 * updates and those held for the platform id in the conversation's held hash (forward only:
 * applying one twice changes nothing). Returns the entry (false when there is none). A send's
 * platform id is not added to the conversation's pids hash: only appends look there (a customer's
 * redelivered message), and echoes of our sends are dropped without a look-up (handleEvent).
 */
const ATTACH_PACKED = `${ENTRY_LUA}
local e = redis.call('LINDEX', KEYS[1], ARGV[1])
if not e then return false end
local s, u, p, c, m, body = parse(e)
if not s then return false end
p = ARGV[2]
u = ARGV[4]
local updates = {{ARGV[3], '', ''}}
local function hold(line)
  local ps, pc, pm = string.match(line, '^([^|]*)|([^|]*)|(.*)$')
  if ps then updates[#updates + 1] = {ps, esc(pc), esc(pm)} end
end
for i = 6, #ARGV do hold(ARGV[i]) end
local held = redis.call('HGET', KEYS[2], ARGV[5])
if held then
  for line in string.gmatch(held, '[^\\n]+') do hold(line) end
  redis.call('HDEL', KEYS[2], ARGV[5])
end
for _, up in ipairs(updates) do
  if canAdvance(s, up[1]) then
    s = up[1]
    if up[2] ~= '' then c = up[2] end
    if up[3] ~= '' then m = up[3] end
  end
end
e = pack(s, u, p, c, m, body)
redis.call('LSET', KEYS[1], ARGV[1], e)
return e
`;

/**
 * A delivery receipt that names the message (Twilio's StatusCallback query): KEYS: log, held.
 * ARGV: index, pid, pid (as the header keeps it: headerPid), status, code, message (escaped), now, the
 * update as held ('status|code|message'), ttl (s), pid (escaped, as entries written before kept it). When the entry carries that platform id, moves its status
 * forward (as ADVANCE_PACKED); when it does not yet (the callback came before the send's answer, or
 * is for another copy), holds the update under the platform id for ATTACH_PACKED.
 * Returns {1 applied | 0 stale, the entry} | {2 held} | {-1 no such entry}.
 */
const RECEIPT_PACKED = `${ENTRY_LUA}
local e = redis.call('LINDEX', KEYS[1], ARGV[1])
if not e then return {-1} end
local s, u, p, c, m, body = parse(e)
if not s then return {-1} end
if p ~= ARGV[3] and p ~= ARGV[10] then
  local held = redis.call('HGET', KEYS[2], ARGV[2])
  redis.call('HSET', KEYS[2], ARGV[2], held and (held .. '\\n' .. ARGV[8]) or ARGV[8])
  redis.call('EXPIRE', KEYS[2], ARGV[9])
  return {2}
end
if not canAdvance(s, ARGV[4]) then return {0, e} end
if ARGV[5] ~= '' then c = ARGV[5] end
if ARGV[6] ~= '' then m = ARGV[6] end
e = pack(ARGV[4], ARGV[7], p, c, m, body)
redis.call('LSET', KEYS[1], ARGV[1], e)
return {1, e}
`;

/** KEYS: log. ARGV: index, status, now, code, message (escaped; '' keeps the current). Sets the status as given. Returns the entry (false when none). */
const SET_STATUS_PACKED = `${ENTRY_LUA}
local e = redis.call('LINDEX', KEYS[1], ARGV[1])
if not e then return false end
local s, u, p, c, m, body = parse(e)
if not s then return false end
if ARGV[4] ~= '' then c = ARGV[4] end
if ARGV[5] ~= '' then m = ARGV[5] end
e = pack(ARGV[2], ARGV[3], p, c, m, body)
redis.call('LSET', KEYS[1], ARGV[1], e)
return e
`;

/** KEYS: byAddress. ARGV: conversation id. Deletes the address's entry if it still names that conversation. */
const FORGET_ADDRESS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** A hash as a Lua script returns it: field, value, field, value… */
type FlatHash = string[];

type RedisWithScripts = Redis & {
  batonTransition(k1: string, ...argv: string[]): Promise<[string, number?, FlatHash?]>;
  batonClaimAddress(k1: string, ...argv: string[]): Promise<string>;
  batonOpen(k1: string, ...argv: string[]): Promise<[number, FlatHash?]>;
  batonIndexForward(k1: string, ...argv: string[]): Promise<number>;
  batonIndexSync(k1: string, k2: string, ...argv: string[]): Promise<number>;
  batonAdvance(k1: string, ...argv: string[]): Promise<number>;
  batonAdvanceAndGet(k1: string, ...argv: string[]): Promise<[number, FlatHash]>;
  batonIndexPid(k1: string, k2: string, ...argv: string[]): Promise<string[]>;
  batonAttach(k1: string, k2: string, ...argv: string[]): Promise<FlatHash>;
  batonPark(k1: string, k2: string, ...argv: string[]): Promise<string | null>;
  batonUpdate(k1: string, ...argv: string[]): Promise<[number, FlatHash?]>;
  batonAppendPacked(k1: string, k2: string, k3: string, ...argv: string[]): Promise<[string, number, string?, FlatHash?]>;
  batonAdvancePacked(k1: string, ...argv: string[]): Promise<[number, string | null]>;
  batonAttachPacked(k1: string, k2: string, ...argv: string[]): Promise<string | null>;
  batonReceiptPacked(k1: string, k2: string, ...argv: string[]): Promise<[number, string?]>;
  batonSetStatusPacked(k1: string, ...argv: string[]): Promise<string | null>;
  batonForgetAddress(k1: string, ...argv: string[]): Promise<number>;
};

export function defineStoreScripts(redis: Redis): RedisWithScripts {
  const r = redis as RedisWithScripts;
  if (typeof r.batonReceiptPacked === 'function') return r;
  redis.defineCommand('batonClaimAddress', { numberOfKeys: 1, lua: CLAIM_ADDRESS });
  redis.defineCommand('batonOpen', { numberOfKeys: 1, lua: OPEN });
  redis.defineCommand('batonIndexForward', { numberOfKeys: 1, lua: INDEX_FORWARD });
  redis.defineCommand('batonIndexSync', { numberOfKeys: 2, lua: INDEX_SYNC });
  redis.defineCommand('batonAdvance', { numberOfKeys: 1, lua: ADVANCE });
  redis.defineCommand('batonAdvanceAndGet', { numberOfKeys: 1, lua: ADVANCE_AND_GET });
  redis.defineCommand('batonIndexPid', { numberOfKeys: 2, lua: INDEX_PID });
  redis.defineCommand('batonAttach', { numberOfKeys: 2, lua: ATTACH });
  redis.defineCommand('batonPark', { numberOfKeys: 2, lua: PARK });
  redis.defineCommand('batonTransition', { numberOfKeys: 1, lua: TRANSITION });
  redis.defineCommand('batonUpdate', { numberOfKeys: 1, lua: UPDATE });
  redis.defineCommand('batonAppendPacked', { numberOfKeys: 3, lua: APPEND_PACKED });
  redis.defineCommand('batonAdvancePacked', { numberOfKeys: 1, lua: ADVANCE_PACKED });
  redis.defineCommand('batonAttachPacked', { numberOfKeys: 2, lua: ATTACH_PACKED });
  redis.defineCommand('batonReceiptPacked', { numberOfKeys: 2, lua: RECEIPT_PACKED });
  redis.defineCommand('batonSetStatusPacked', { numberOfKeys: 1, lua: SET_STATUS_PACKED });
  redis.defineCommand('batonForgetAddress', { numberOfKeys: 1, lua: FORGET_ADDRESS });
  return r;
}

function flat(obj: Record<string, string | number | undefined>): string[] {
  const out: string[] = [];
  for (const k in obj) {
    const v = obj[k];
    if (v !== undefined) out.push(k, String(v));
  }
  return out;
}

/** field/value pairs (a script's HGETALL, or the fields we wrote) as a record, like HGETALL's. */
export function hashFromPairs(pairs: readonly string[] | undefined): Record<string, string> {
  const h: Record<string, string> = {};
  if (!pairs) return h;
  for (let i = 0; i + 1 < pairs.length; i += 2) h[pairs[i]!] = pairs[i + 1]!;
  return h;
}

const num = (v: string | undefined): number | undefined => (v === undefined || v === '' ? undefined : Number(v));

function decodeConversation(id: string, h: Record<string, string>): Conversation | null {
  if (!h.channel) return null;
  return {
    id,
    ownerToken: Number(h.ownerToken ?? 0),
    team: h.team || undefined,
    assigneeId: h.assigneeId || undefined,
    priority: (h.priority as Conversation['priority']) || undefined,
    queuedAt: num(h.queuedAt),
    assignedAt: num(h.assignedAt),
    escalatedAt: num(h.escalatedAt),
    escalationReason: h.escalationReason || undefined,
    firstAgentReplyAt: num(h.firstAgentReplyAt),
    resolvedAt: num(h.resolvedAt),
    reopenCount: num(h.reopenCount),
    customerId: h.customerId || undefined,
    csat: unpackCsat(h.csat),
    nps: h.nps ? (JSON.parse(h.nps) as Conversation['nps']) : undefined,
    callDeflection: h.callDeflection ? (JSON.parse(h.callDeflection) as Conversation['callDeflection']) : undefined,
    firstInboundAt: num(h.firstInboundAt),
    channel: h.channel as ChannelName,
    customerAddress: h.customerAddress ?? '',
    customerName: h.customerName || undefined,
    platformUserId: h.platformUserId || undefined,
    status: (h.status as Conversation['status']) ?? 'bot',
    language: h.language || undefined,
    createdAt: Number(h.createdAt),
    updatedAt: Number(h.updatedAt),
    lastInboundAt: num(h.lastInboundAt),
    lastMessageAt: num(h.lastMessageAt),
    lastMessagePreview: h.lastMessagePreview || undefined,
    lastInboundPreview: h.lastInboundPreview || undefined,
    messageCount: Number(h.messageCount ?? 0),
  };
}

function decodeMessage(id: string, h: Record<string, string>): Message | null {
  if (!h.conversationId) return null;
  const json = <T>(v: string | undefined): T | undefined => (v ? (JSON.parse(v) as T) : undefined);
  return {
    id,
    conversationId: h.conversationId,
    direction: h.direction as Message['direction'],
    author: h.author as Message['author'],
    agentId: h.agentId || undefined,
    text: h.text,
    payload: h.payload || undefined,
    media: json<Message['media']>(h.media) ?? [],
    location: json<Message['location']>(h.location),
    quickReplies: json<Message['quickReplies']>(h.quickReplies),
    platformMessageId: h.platformMessageId || undefined,
    status: h.status as DeliveryStatus,
    errorCode: h.errorCode || undefined,
    errorMessage: h.errorMessage || undefined,
    createdAt: Number(h.createdAt),
    updatedAt: Number(h.updatedAt),
    meta: json<Message['meta']>(h.meta),
  };
}

/**
 * The most bytes (UTF-8) a preview keeps: 64 is Redis's default limit for a hash value in the compact
 * listpack encoding (hash-max-listpack-value), which a conversation's hash then keeps (about half the
 * memory of the hashtable encoding one longer value would turn it into).
 */
export const PREVIEW_MAX_BYTES = 64;

/** `text` cut to at most `max` UTF-8 bytes on a character boundary, with `...` when cut. */
export function clipBytes(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out}...`;
}

/** A one-line preview for inbox lists: text (at most PREVIEW_MAX_BYTES), or what kind of attachment it was. */
export function previewOf(m: NewMessage): string {
  if (m.text) return clipBytes(m.text, PREVIEW_MAX_BYTES);
  if (m.location) return '[location]';
  if (m.media.length) return `[${m.media[0]!.kind}]`;
  return '';
}

/** How many (channel, address) → conversation id pairs a store remembers (the pair never changes once set). */
const KNOWN_IDS_MAX = 20_000;

export interface StoreTtls {
  /**
   * How long a platform message id is remembered (seconds): a sent message's id finds it for delivery
   * and read receipts (they come within minutes, at most days), and the conversation's own platform
   * ids de-duplicate redelivered webhooks and echoes; both expire this long after their last write
   * (the transcript keeps every id). At least the inbound de-duplication's time (DEDUPE_TTL_SECONDS).
   */
  platformIdTtlSeconds: number;
  /** How long a conversation's bot state outlives its last change (seconds): an idle conversation's bot starts afresh. */
  botStateTtlSeconds: number;
}

export const DEFAULT_STORE_TTLS: StoreTtls = { platformIdTtlSeconds: 7 * 24 * 3600, botStateTtlSeconds: 30 * 24 * 3600 };

export class RedisConversationStore implements ConversationStore {
  private readonly r: RedisWithScripts;
  /**
   * Conversation ids this instance has seen per `channel:address`, so that findOrOpen can read the
   * conversation in the same round trip. Only a guess: the script checks it against Redis.
   */
  private readonly knownIds = new Map<string, string>();
  /** The lists' indexes by status, team and assignee (src/conversations/conversationIndexes.ts). */
  readonly indexes: ConversationIndexes;

  constructor(
    redis: Redis,
    private readonly clock: () => number = Date.now,
    private readonly ttls: StoreTtls = DEFAULT_STORE_TTLS,
  ) {
    this.r = defineStoreScripts(redis);
    this.indexes = new ConversationIndexes(redis);
  }

  async findOrOpen(input: OpenConversationInput): Promise<{ conversation: Conversation; opened: boolean }> {
    const now = input.at ?? this.clock();
    const id = newId('c');
    const fields = flat({
      channel: input.channel,
      customerAddress: input.customerAddress,
      customerName: input.customerName,
      platformUserId: input.platformUserId,
      status: 'bot',
      ownerToken: 0,
      createdAt: now,
      updatedAt: now,
      messageCount: 0,
    });
    const addressKey = K.byAddress(input.channel, input.customerAddress);
    const expected = this.knownIds.get(addressKey);
    // The address's conversation id, and (when this instance has seen it before) the conversation, at once.
    const [actualId, seen] = await Promise.all([
      this.r.batonClaimAddress(addressKey, id),
      expected ? this.r.hgetall(K.conv(expected)) : Promise.resolve(undefined),
    ]);
    this.rememberId(addressKey, actualId);
    let opened = false;
    let conversation = actualId === expected && seen ? decodeConversation(actualId, seen) : await this.get(actualId);
    if (!conversation) {
      // Ours (just claimed), or claimed by an instance that stopped before writing it: whoever
      // writes the conversation opened it.
      const [wrote, found] = await this.r.batonOpen(K.conv(actualId), ...fields);
      opened = wrote === 1;
      conversation = decodeConversation(actualId, opened ? hashFromPairs(fields) : hashFromPairs(found));
      if (opened) await Promise.all([this.indexUpdate(actualId, now), conversation ? this.indexes.place(actualId, conversation) : undefined]);
    }
    if (!conversation) throw new BatonError('STORE_UNAVAILABLE', `Conversation ${actualId} is indexed but missing`);
    if (!opened && input.customerName && input.customerName !== conversation.customerName) {
      conversation = await this.update(actualId, { customerName: input.customerName });
    }
    return { conversation, opened };
  }

  /** The conversation's place in the by-update index (a separate step: the index is its own key). */
  private async indexUpdate(id: string, at: number): Promise<void> {
    await this.r.batonIndexForward(K.index, String(at), id);
  }

  /** Moves a conversation up its lists; places it from its state when it is in none yet (written before the indexes). */
  private async listsTouch(id: string, at: number): Promise<void> {
    if (await this.indexes.touch(id, at)) return;
    const c = await this.get(id);
    if (c) await this.indexes.place(id, c);
  }

  /**
   * A conversation joins or leaves a team queue or an agent's active set, under the ownerToken of
   * the transition that decided it (a later transition's step wins whatever the order they arrive).
   */
  private async indexSync(key: string, kind: 'z' | 's', id: string, token: number, op: '+' | '-', score = 0): Promise<void> {
    await this.r.batonIndexSync(key, K.tokens(key), kind, id, String(token), op, String(score));
  }

  private rememberId(addressKey: string, id: string): void {
    if (this.knownIds.get(addressKey) === id) return;
    this.knownIds.delete(addressKey);
    this.knownIds.set(addressKey, id);
    if (this.knownIds.size > KNOWN_IDS_MAX) this.knownIds.delete(this.knownIds.keys().next().value!);
  }

  async get(id: string): Promise<Conversation | null> {
    return decodeConversation(id, await this.r.hgetall(K.conv(id)));
  }

  async findByAddress(channel: ChannelName, customerAddress: string): Promise<Conversation | null> {
    const id = await this.r.get(K.byAddress(channel, customerAddress));
    return id ? this.get(id) : null;
  }

  async update(id: string, patch: ConversationPatch): Promise<Conversation> {
    const now = this.clock();
    const { csat, nps, callDeflection, ...plain } = patch;
    const fields = flat({
      ...plain,
      ...(csat ? { csat: packCsat(csat) } : {}),
      ...(nps ? { nps: JSON.stringify(nps) } : {}),
      ...(callDeflection ? { callDeflection: JSON.stringify(callDeflection) } : {}),
      updatedAt: now,
    });
    const [updated, hash] = await this.r.batonUpdate(K.conv(id), ...fields);
    const conversation = updated === 1 ? decodeConversation(id, hashFromPairs(hash)) : null;
    if (!conversation) throw new BatonError('NOT_FOUND', `No conversation ${id}`);
    await Promise.all([this.indexUpdate(id, now), this.listsTouch(id, conversation.updatedAt)]);
    return conversation;
  }

  async list(query: ListConversationsQuery = {}): Promise<Conversation[]> {
    const limit = query.limit ?? 100;
    const accept = (c: Conversation | null): c is Conversation =>
      c !== null &&
      (!query.status || c.status === query.status) &&
      (!query.channel || c.channel === query.channel) &&
      (query.team === undefined || c.team === query.team) &&
      (query.assignee === undefined || c.assigneeId === query.assignee) &&
      (!query.where || query.where(c));
    const narrowed = query.status !== undefined || query.team !== undefined || query.assignee !== undefined || query.scope !== undefined;
    if (narrowed && (await this.indexes.ready())) {
      return this.indexes.list({ ...query, limit }, async (ids) => (await Promise.all(ids.map((id) => this.get(id)))).filter(accept));
    }
    // Every conversation, newest first: the whole store when nothing narrows it (or the indexes are still being backfilled).
    const maxScan = query.where || narrowed ? LIST_MAX_SCAN : Infinity;
    let scanned = 0;
    const out: Conversation[] = [];
    let offset = 0;
    const page = 200;
    while (out.length < limit && scanned < maxScan) {
      const ids = await this.r.zrevrange(K.index, offset, offset + page - 1);
      if (ids.length === 0) break;
      scanned += ids.length;
      const convs = await Promise.all(ids.map((id) => this.get(id)));
      for (const c of convs) {
        if (!accept(c)) continue;
        out.push(c);
        if (out.length >= limit) break;
      }
      offset += page;
    }
    return out;
  }

  /** Length and oldest queued time of a team's queue (from the list indexes: no conversation is read). */
  async queueStats(team: string): Promise<{ length: number; oldestQueuedAt?: number }> {
    return this.indexes.queueStats(team);
  }

  /** Places the conversations written before the list indexes existed (once per store; see ConversationIndexes.backfill). */
  async backfillListIndexes(logger: Logger): Promise<number | null> {
    return this.indexes.backfill({
      ids: (offset, count) => this.r.zrevrange(K.index, offset, offset + count - 1),
      load: (ids) => Promise.all(ids.map((id) => this.get(id))),
      logger,
    });
  }

  async appendMessage(
    conversation: ConversationRef,
    m: NewMessage,
    opts: AppendOptions = {},
  ): Promise<AppendResult> {
    const conversationId = conversation.id;
    const now = m.createdAt ?? this.clock();
    const pid = m.platformMessageId;
    const packed = packMessage(m, now, conversationId);
    const [actualId, duplicate, updatedAt, conversationHash] = await this.r.batonAppendPacked(
      K.log(conversationId),
      K.pids(conversationId),
      K.conv(conversationId),
      conversationId,
      String(now),
      previewOf(m),
      m.direction === 'inbound' && m.author === 'customer' ? '1' : '0',
      pid ?? '',
      opts.fence === undefined ? '' : String(opts.fence),
      opts.returnConversation ? '1' : '0',
      packed,
      escapeField(pid),
      headerPid(pid),
    );
    if (duplicate === 2) {
      throw new BatonError('OWNERSHIP_CHANGED', `Conversation ${conversationId} changed owner; the message was not sent`);
    }
    // The indexes, after the conversation's script (again for a duplicate: a crash may have come in between).
    // Only messages Baton's side sent get receipts: a customer's platform id stays in the conversation's own de-duplication.
    const indexed = duplicate === 0 ? Promise.all([this.indexUpdate(conversationId, Number(updatedAt)), this.listsTouch(conversationId, Number(updatedAt))]).then(() => undefined) : undefined;
    // With indexLater the caller awaits it (a rejection is not unhandled in between).
    indexed?.catch(() => undefined);
    await Promise.all([
      opts.indexLater ? undefined : indexed,
      pid && m.direction !== 'inbound' ? this.r.set(K.byPlatform(conversation.channel, pid), actualId, 'EX', this.ttls.platformIdTtlSeconds) : undefined,
    ]);
    // A new message is exactly what we wrote; a duplicate's is read back.
    const message = duplicate === 0 ? unpackMessage(actualId, conversationId, packed) : await this.getMessage(actualId);
    if (!message) throw new BatonError('STORE_UNAVAILABLE', `Message ${actualId} is indexed but missing`);
    const later = opts.indexLater && indexed ? { indexed } : {};
    if (!opts.returnConversation) return { message, duplicate: duplicate === 1, ...later };
    const current = decodeConversation(conversationId, hashFromPairs(conversationHash));
    return { message, duplicate: duplicate === 1, ...(current ? { conversation: current } : {}), ...later };
  }

  async getMessage(id: string): Promise<Message | null> {
    const packed = parsePackedId(id);
    if (!packed) return decodeMessage(id, await this.r.hgetall(K.msg(id)));
    return unpackMessage(id, packed.conversationId, await this.r.lindex(K.log(packed.conversationId), packed.index));
  }

  async listMessages(conversationId: string, opts: { limit?: number } = {}): Promise<Message[]> {
    const start = opts.limit ? -opts.limit : 0;
    const [entries, length, oldIds] = await Promise.all([
      this.r.lrange(K.log(conversationId), start, -1),
      this.r.llen(K.log(conversationId)),
      this.r.lrange(K.messages(conversationId), start, -1),
    ]);
    const first = length - entries.length;
    const packed = entries.map((e, i) => unpackMessage(packedMessageId(first + i, conversationId), conversationId, e));
    // Messages of the previous format (written before this version) come first.
    const old = opts.limit && packed.length >= opts.limit ? [] : await Promise.all(oldIds.map((id) => this.getMessage(id)));
    const all = [...old, ...packed].filter((m): m is Message => m !== null);
    return opts.limit ? all.slice(-opts.limit) : all;
  }

  async findMessageByPlatformId(channel: ChannelName, platformMessageId: string): Promise<Message | null> {
    const id = await this.r.get(K.byPlatform(channel, platformMessageId));
    return id ? this.getMessage(id) : null;
  }

  async attachPlatformId(
    messageId: string,
    channel: ChannelName,
    platformMessageId: string,
    status: DeliveryStatus,
    opts: { index?: boolean } = {},
  ): Promise<Message> {
    const packed = parsePackedId(messageId);
    const index = opts.index !== false || !packed;
    // Index the platform id first: a status update arriving from now on finds the message; those
    // that arrived before were parked, and are applied with the id. The parked list goes last, so
    // a crash in between leaves it to be applied again (updates only move forward). Unindexed (the
    // channel's receipts name the message), updates that came first are held on the conversation.
    const parkedKey = K.parked(channel, platformMessageId);
    const parked = index ? await this.r.batonIndexPid(K.byPlatform(channel, platformMessageId), parkedKey, messageId, String(this.ttls.platformIdTtlSeconds)) : [];
    const at = this.clock();
    const now = String(at);
    let message: Message | null;
    if (packed) {
      const entry = await this.r.batonAttachPacked(
        K.log(packed.conversationId),
        K.held(packed.conversationId),
        String(packed.index),
        headerPid(platformMessageId),
        status,
        packHeaderTime(at, packed.conversationId),
        platformMessageId,
        ...parked,
      );
      message = unpackMessage(messageId, packed.conversationId, entry);
    } else {
      const hash = await this.r.batonAttach(K.msg(messageId), K.pids(conversationOfMessage(messageId) ?? messageId), messageId, platformMessageId, status, now, ...parked);
      message = decodeMessage(messageId, hashFromPairs(hash));
    }
    if (parked.length) await this.r.del(parkedKey);
    if (!message) throw new BatonError('NOT_FOUND', `No message ${messageId}`);
    return message;
  }

  async setMessageStatus(messageId: string, status: DeliveryStatus, error?: { code: string; message?: string }): Promise<Message> {
    const now = this.clock();
    const packed = parsePackedId(messageId);
    if (packed) {
      const entry = await this.r.batonSetStatusPacked(K.log(packed.conversationId), String(packed.index), status, packHeaderTime(now, packed.conversationId), escapeField(error?.code), escapeField(error?.message));
      const m = unpackMessage(messageId, packed.conversationId, entry);
      if (!m) throw new BatonError('NOT_FOUND', `No message ${messageId}`);
      return m;
    }
    const fields = flat({ status, updatedAt: now, errorCode: error?.code, errorMessage: error?.message });
    await this.r.hset(K.msg(messageId), ...fields);
    const m = await this.getMessage(messageId);
    if (!m) throw new BatonError('NOT_FOUND', `No message ${messageId}`);
    return m;
  }

  /** Moves a message's status forward; the message as it now is (null when there is no such message). */
  private async advance(id: string, status: DeliveryStatus, error?: { code: string; message?: string }): Promise<{ applied: boolean; message: Message | null }> {
    const at = this.clock();
    const now = String(at);
    const packed = parsePackedId(id);
    if (packed) {
      const [applied, entry] = await this.r.batonAdvancePacked(K.log(packed.conversationId), String(packed.index), status, escapeField(error?.code), escapeField(error?.message), packHeaderTime(at, packed.conversationId));
      return { applied: applied === 1, message: unpackMessage(id, packed.conversationId, entry) };
    }
    const [applied, hash] = await this.r.batonAdvanceAndGet(K.msg(id), status, error?.code ?? '', error?.message ?? '', now);
    return { applied: applied === 1, message: decodeMessage(id, hashFromPairs(hash)) };
  }

  async updateStatusByPlatformId(
    channel: ChannelName,
    platformMessageId: string,
    status: DeliveryStatus,
    error?: { code: string; message?: string },
    messageId?: string,
  ): Promise<StatusUpdateResult> {
    const entry = `${status}|${error?.code ?? ''}|${(error?.message ?? '').replace(/\|/g, '/')}`;
    const named = messageId === undefined ? null : parsePackedId(messageId);
    if (named) {
      const [outcome, packedEntry] = await this.r.batonReceiptPacked(
        K.log(named.conversationId),
        K.held(named.conversationId),
        String(named.index),
        platformMessageId,
        headerPid(platformMessageId),
        status,
        escapeField(error?.code),
        escapeField(error?.message),
        packHeaderTime(this.clock(), named.conversationId),
        entry.replace(/\n/g, ' '),
        '3600',
        escapeField(platformMessageId),
      );
      const message = outcome === 0 || outcome === 1 ? unpackMessage(messageId!, named.conversationId, packedEntry) : null;
      if (!message) return { outcome: 'parked' };
      return { outcome: outcome === 1 ? 'applied' : 'stale', message };
    }
    const id = await this.r.batonPark(K.byPlatform(channel, platformMessageId), K.parked(channel, platformMessageId), entry, '3600');
    if (!id) return { outcome: 'parked' };
    const { applied, message } = await this.advance(id, status, error);
    if (!message) return { outcome: 'parked' };
    return { outcome: applied ? 'applied' : 'stale', message };
  }

  async applyWatermark(conversationId: string, status: 'delivered' | 'read', watermark: number): Promise<number> {
    const recent = await this.listMessages(conversationId, { limit: 200 });
    let changed = 0;
    for (const m of recent) {
      if (m.direction !== 'outbound' || m.createdAt > watermark) continue;
      if (m.status === 'pending' || m.status === 'failed' || m.status === 'undelivered') continue;
      if ((await this.advance(m.id, status)).applied) changed++;
    }
    return changed;
  }

  async getBotState(conversationId: string): Promise<string | null> {
    return unpackJson(await this.r.getBuffer(K.botState(conversationId)), [BOT_STATE_DICTIONARY]);
  }

  /** Kept deflated (packedJson.ts), for botStateTtlSeconds after its last change: the bot of a conversation idle that long starts afresh. */
  async setBotState(conversationId: string, json: string): Promise<void> {
    await this.r.set(K.botState(conversationId), packJson(json, BOT_STATE_DICTIONARY), 'EX', this.ttls.botStateTtlSeconds);
  }

  async transition(id: string, change: OwnershipTransition): Promise<TransitionResult> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const previous = await this.get(id);
      if (!previous) throw new BatonError('NOT_FOUND', `No conversation ${id}`);
      const now = this.clock();
      const set = change.set ?? {};
      const value = <T>(k: keyof typeof set, current: T): T | null | undefined =>
        k in set ? (set[k] as T | null) : current;
      const team = value('team', previous.team) ?? undefined;
      const assignee = value('assigneeId', previous.assigneeId) ?? undefined;
      const priority = value('priority', previous.priority) ?? undefined;
      const queuedAt = Number(value('queuedAt', previous.queuedAt) ?? now);
      const pairs: string[] = [];
      for (const [k, v] of Object.entries(set)) pairs.push(k, v === null || v === undefined ? '' : String(v));
      const [outcome, newToken, hash] = await this.r.batonTransition(
        K.conv(id),
        id,
        change.from.join(','),
        change.expectToken === undefined ? '' : String(change.expectToken),
        previous.team ?? '',
        previous.assigneeId ?? '',
        change.to,
        String(now),
        change.reopen ? '1' : '0',
        '',
        ...pairs,
      );
      if (outcome === 'retry') continue;
      if (outcome === 'missing') throw new BatonError('NOT_FOUND', `No conversation ${id}`);
      const conversation = decodeConversation(id, hashFromPairs(hash))!;
      if (outcome === 'ok') {
        const token = Number(newToken);
        const newQueue = change.to === 'queued' && team ? K.queue(team) : undefined;
        const newAgent = change.to === 'assigned' && assignee ? K.agentActive(assignee) : undefined;
        const oldQueue = previous.team ? K.queue(previous.team) : undefined;
        const oldAgent = previous.assigneeId ? K.agentActive(previous.assigneeId) : undefined;
        await Promise.all([
          this.indexUpdate(id, now),
          this.indexes.place(id, conversation),
          oldQueue && oldQueue !== newQueue ? this.indexSync(oldQueue, 'z', id, token, '-') : undefined,
          oldAgent && oldAgent !== newAgent ? this.indexSync(oldAgent, 's', id, token, '-') : undefined,
          newQueue ? this.indexSync(newQueue, 'z', id, token, '+', queueScore(priority as string | undefined, queuedAt)) : undefined,
          newAgent ? this.indexSync(newAgent, 's', id, token, '+') : undefined,
        ]);
        return { ok: true, conversation, previous };
      }
      return { ok: false, conversation, why: outcome === 'token' ? 'token' : 'status' };
    }
    throw new BatonError('CONFLICT', `Conversation ${id} kept changing; try again`);
  }

  /** Conversation ids last updated at or before `at` (ms), oldest first: `count` of them from `offset`. */
  async updatedBefore(at: number, offset: number, count: number): Promise<string[]> {
    return this.r.zrangebyscore(K.index, '-inf', String(at), 'LIMIT', offset, count);
  }

  /**
   * Removes a conversation and every key and index entry of this store that refers to it: its
   * hash, transcript (both formats), platform ids, bot state, facts, the address's entry, team queue
   * and agent entries, the sent messages' platform-id entries, and last its place in the by-update
   * index (whoever looks for it again finds it there until the rest is gone). Safe to run again.
   */
  async remove(id: string): Promise<void> {
    const conversation = await this.get(id);
    const [oldIds, entries] = await Promise.all([this.r.lrange(K.messages(id), 0, -1), this.r.lrange(K.log(id), 0, -1)]);
    if (conversation) {
      const sent = entries.map((e, i) => unpackMessage(packedMessageId(i, id), id, e)).filter((m): m is Message => !!m && m.direction !== 'inbound' && !!m.platformMessageId);
      // Messages of the previous format had a platform-id key each, received ones too.
      const oldSent = (await Promise.all(oldIds.map((m) => this.getMessage(m)))).filter((m): m is Message => !!m && !!m.platformMessageId);
      await Promise.all([
        ...[...sent, ...oldSent].map((m) => this.r.del(K.byPlatform(conversation.channel, m.platformMessageId!))),
        this.r.batonForgetAddress(K.byAddress(conversation.channel, conversation.customerAddress), id),
        conversation.team ? this.r.multi().zrem(K.queue(conversation.team), id).hdel(K.tokens(K.queue(conversation.team)), id).exec() : undefined,
        conversation.assigneeId ? this.r.multi().srem(K.agentActive(conversation.assigneeId), id).hdel(K.tokens(K.agentActive(conversation.assigneeId)), id).exec() : undefined,
      ]);
    }
    // One slot: the conversation's own keys and its messages of the previous format. Message ids
    // from before they carried their conversation (`m_…`, moved by npm run migrate:keys) are
    // tagged by themselves: each is deleted on its own (a Redis Cluster refuses a DEL over two
    // slots), before the list that names them.
    await Promise.all(oldIds.filter((m) => conversationOfMessage(m) !== id).map((m) => this.r.del(K.msg(m))));
    await this.r.del(K.conv(id), K.log(id), K.messages(id), K.pids(id), K.held(id), K.botState(id), factsKey(id), ...oldIds.filter((m) => conversationOfMessage(m) === id).map((m) => K.msg(m)));
    await Promise.all([this.r.zrem(K.index, id), this.indexes.forget(id)]);
  }

  async queue(team: string, limit = 500): Promise<string[]> {
    return this.r.zrange(K.queue(team), 0, limit - 1);
  }

  async queuePosition(id: string, team: string): Promise<number | null> {
    const rank = await this.r.zrank(K.queue(team), id);
    return rank === null ? null : rank + 1;
  }

  async agentLoad(agentId: string): Promise<string[]> {
    return this.r.smembers(K.agentActive(agentId));
  }
}
