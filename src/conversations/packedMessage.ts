import { z } from 'zod';
import type { DeliveryStatus, Message, NewMessage } from './types';
import { STATUS_RANK } from './types';

/**
 * How a message is kept in Redis: one entry of its conversation's transcript list
 * (`conv:{id}:log`), not a hash of its own. An entry is
 *
 *   status|updatedAt|platformMessageId|errorCode|errorMessage|{body}
 *
 * The status is one letter (STATUS_CODES; entries written before hold its name, and read the
 * same), updatedAt is empty until the entry changes (it is then createdAt).
 * The five header fields are the ones that change after the append (a send's platform id, its
 * delivery status): a Lua script rewrites them with string.match, without a JSON library (the
 * embedded store's Lua has none). `%` and `|` in them are escaped as `%25` and `%7C`. The body is JSON
 * with short names and never changes: d direction, a author, g agentId, t text, y payload, m media,
 * l location, q quick replies, c createdAt, x meta, k a reply's send key. Times (updatedAt, createdAt)
 * are ms in base 36 (8 characters instead of 13). Entries written since keep them relative to the time in
 * the conversation's id (`c_<ms in base 36>_…`): createdAt as a JSON number of ms after it, updatedAt
 * as `+` and those ms in base 36 (a conversation's minutes in 3 to 6 characters); an id without a time
 * keeps them whole as before. A Twilio sid in the header (`SM` or `MM` and 32 hex digits) is kept as `~`,
 * its second letter and its 16 bytes in base64url (24 characters instead of 34; a platform id that
 * starts with `~` has it escaped as `%7E`). What can be told without them is left out: `d` when
 * it is the author's usual direction (a customer's inbound, a bot's or an agent's outbound), `x` when
 * empty, `a` for a customer, and the send key of a reply to a message of the same conversation
 * (`turn:m<index>.<conversation id>:<n>`) is `k: "<index>:<n>"`. Entries written with them read the same.
 *
 * The message's id is `m<index>.<conversation id>`: its place in the list (the list only grows), so
 * the entry is found by LINDEX, and the conversation id carries the hash tag as before.
 */

const DIRECTIONS = { inbound: 'i', outbound: 'o', internal: 'n' } as const;
const AUTHORS = { customer: 'c', bot: 'b', agent: 'a', system: 's' } as const;
const invert = <T extends Record<string, string>>(o: T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k])) as Record<string, keyof T>;
const DIRECTION_OF = invert(DIRECTIONS);
const AUTHOR_OF = invert(AUTHORS);
/** The direction an author's messages take unless the entry says otherwise (a system message may be either). */
const USUAL_DIRECTION: Partial<Record<'c' | 'b' | 'a' | 's', 'i' | 'o' | 'n'>> = { c: 'i', b: 'o', a: 'o' };

const mediaSchema = z.object({ url: z.string(), contentType: z.string().optional(), kind: z.enum(['image', 'audio', 'video', 'file', 'sticker', 'location', 'other']) });
const bodySchema = z.object({
  d: z.enum(['i', 'o', 'n']).optional(),
  a: z.enum(['c', 'b', 'a', 's']).default('c'),
  g: z.string().optional(),
  t: z.string().optional(),
  y: z.string().optional(),
  m: z.array(mediaSchema).optional(),
  l: z.object({ latitude: z.number(), longitude: z.number(), address: z.string().optional(), label: z.string().optional() }).optional(),
  q: z.array(z.object({ title: z.string(), payload: z.string() })).optional(),
  c: z.union([z.string().regex(/^[0-9a-z]+$/), z.number().int()]),
  x: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  k: z.string().regex(/^\d+:\d+$/).optional(),
});
const statusSchema = z.enum(Object.keys(STATUS_RANK) as [DeliveryStatus, ...DeliveryStatus[]]);

/** A status as an entry's header keeps it: one letter. */
export const STATUS_CODES: Record<DeliveryStatus, string> = {
  received: 'i',
  pending: 'p',
  queued: 'q',
  sending: 'g',
  sent: 's',
  delivered: 'd',
  read: 'r',
  failed: 'f',
  undelivered: 'u',
};
const STATUS_OF_CODE = invert(STATUS_CODES);

/** Lua: `STATUS_NAME[code]` and `STATUS_CODE[name]`, for the scripts that rewrite an entry's header. */
export const STATUS_CODES_LUA = `local STATUS_NAME = {${Object.entries(STATUS_CODES)
  .map(([name, code]) => `${code}='${name}'`)
  .join(', ')}}
local STATUS_CODE = {${Object.entries(STATUS_CODES)
  .map(([name, code]) => `${name}='${code}'`)
  .join(', ')}}
`;

/** A time (ms) as an entry keeps it: base 36. */
export function packTime(ms: number): string {
  return Math.round(ms).toString(36);
}

const unpackTime = (s: string) => parseInt(s, 36);

/** The time (ms) in a conversation id as newId writes it (`c_<ms in base 36>_…`); undefined for any other id. */
export function idTime(conversationId: string): number | undefined {
  const m = /^c_([0-9a-z]{1,9})_/.exec(conversationId);
  return m ? parseInt(m[1]!, 36) : undefined;
}

/** An entry's updatedAt as its header keeps it: `+` and the ms after the conversation id's time in base 36 (whole, in base 36, for an id without one). */
export function packHeaderTime(ms: number, conversationId: string): string {
  const base = idTime(conversationId);
  return base === undefined ? packTime(ms) : `+${Math.round(ms - base).toString(36)}`;
}

function unpackHeaderTime(s: string, conversationId: string): number {
  return s.startsWith('+') ? (idTime(conversationId) ?? 0) + parseInt(s.slice(1), 36) : unpackTime(s);
}

const TWILIO_SID = /^(SM|MM)([0-9a-f]{32})$/;
const PACKED_SID = /^~([SM])([A-Za-z0-9_-]{22})$/;

/** A platform id as an entry's header keeps it: a Twilio sid packed (24 characters), any other escaped (escapeField, and a leading `~`). */
export function headerPid(pid: string | undefined): string {
  const sid = pid ? TWILIO_SID.exec(pid) : null;
  if (sid) return `~${sid[1]![0]}${Buffer.from(sid[2]!, 'hex').toString('base64url')}`;
  return escapeField(pid).replace(/^~/, '%7E');
}

function unpackHeaderPid(s: string): string | undefined {
  const packed = PACKED_SID.exec(s);
  if (packed) return `${packed[1]}M${Buffer.from(packed[2]!, 'base64url').toString('hex')}`;
  return unescapeField(s);
}

/** Escapes a header field (`%` and `|`), so the header splits on `|` whatever the platform wrote. */
export function escapeField(s: string | undefined): string {
  return (s ?? '').replace(/%/g, '%25').replace(/\|/g, '%7C');
}

function unescapeField(s: string): string | undefined {
  return s === '' ? undefined : s.replace(/%7C/g, '|').replace(/%7E/g, '~').replace(/%25/g, '%');
}

/** `<index>:<n>` for a send key `turn:m<index>.<conversationId>:<n>` (a reply to a message of this conversation); undefined for any other key. */
export function packSendKey(key: string, conversationId: string): string | undefined {
  const m = /^turn:m(\d+)\.(.+):(\d+)$/.exec(key);
  return m && m[2] === conversationId ? `${m[1]}:${m[3]}` : undefined;
}

function unpackSendKey(k: string, conversationId: string): string {
  const [index, n] = k.split(':');
  return `turn:m${index}.${conversationId}:${n}`;
}

/** createdAt as an entry's body keeps it: ms after the conversation id's time (a number), or whole in base 36 for an id without one. */
function packCreatedAt(ms: number, conversationId: string): number | string {
  const base = idTime(conversationId);
  return base === undefined ? packTime(ms) : Math.round(ms - base);
}

/** The entry a new message of `conversationId` is appended as (its header: status, updatedAt (empty: createdAt), platform id, error). */
export function packMessage(m: NewMessage, createdAt: number, conversationId: string): string {
  const a = AUTHORS[m.author];
  const d = DIRECTIONS[m.direction];
  const { sendKey, ...meta } = m.meta ?? {};
  const k = typeof sendKey === 'string' ? packSendKey(sendKey, conversationId) : undefined;
  if (sendKey !== undefined && k === undefined) meta.sendKey = sendKey;
  const body = {
    d: USUAL_DIRECTION[a] === d ? undefined : d,
    a: a === 'c' ? undefined : a,
    g: m.agentId,
    t: m.text,
    y: m.payload,
    m: m.media.length ? m.media : undefined,
    l: m.location,
    q: m.quickReplies?.length ? m.quickReplies : undefined,
    c: packCreatedAt(createdAt, conversationId),
    x: Object.keys(meta).length ? meta : undefined,
    k,
  };
  const header = [STATUS_CODES[m.status], '', headerPid(m.platformMessageId), escapeField(m.errorCode), escapeField(m.errorMessage)];
  return `${header.join('|')}|${JSON.stringify(body)}`;
}

/** The message an entry holds; null when it is not an entry of this format (or is damaged). */
export function unpackMessage(id: string, conversationId: string, entry: string | null | undefined): Message | null {
  if (!entry) return null;
  const parts = /^([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|(.*)$/s.exec(entry);
  if (!parts) return null;
  const status = statusSchema.safeParse(STATUS_OF_CODE[parts[1]!] ?? parts[1]);
  let json: unknown;
  try {
    json = JSON.parse(parts[6]!);
  } catch {
    return null;
  }
  const body = bodySchema.safeParse(json);
  if (!status.success || !body.success) return null;
  const b = body.data;
  const d = b.d ?? USUAL_DIRECTION[b.a];
  if (!d) return null;
  const meta = b.k === undefined ? b.x : { ...b.x, sendKey: unpackSendKey(b.k, conversationId) };
  const base = idTime(conversationId);
  if (typeof b.c === 'number' && base === undefined) return null;
  const createdAt = typeof b.c === 'number' ? base! + b.c : unpackTime(b.c);
  const message: Message = {
    id,
    conversationId,
    direction: DIRECTION_OF[d]!,
    author: AUTHOR_OF[b.a]!,
    agentId: b.g,
    text: b.t,
    payload: b.y,
    media: b.m ?? [],
    location: b.l,
    quickReplies: b.q,
    platformMessageId: unpackHeaderPid(parts[3]!),
    status: status.data,
    errorCode: unescapeField(parts[4]!),
    errorMessage: unescapeField(parts[5]!),
    createdAt,
    updatedAt: parts[2] === '' ? createdAt : unpackHeaderTime(parts[2]!, conversationId),
    meta,
  };
  for (const k of Object.keys(message) as (keyof Message)[]) if (message[k] === undefined) delete message[k];
  return message;
}

/** `m<index>.<conversation id>` */
export function packedMessageId(index: number, conversationId: string): string {
  return `m${index}.${conversationId}`;
}

/** The list index and conversation of a packed message id; null for an id of the previous format (a hash per message). */
export function parsePackedId(id: string): { index: number; conversationId: string } | null {
  const m = /^m(\d+)\.(.+)$/.exec(id);
  return m ? { index: Number(m[1]), conversationId: m[2]! } : null;
}

type Csat = NonNullable<import('./types').Conversation['csat']>;

const csatSchema = z.object({
  status: z.enum(['pending', 'answered', 'skipped']),
  scale: z.enum(['csat5', 'nps10']),
  score: z.number().optional(),
  comment: z.string().optional(),
  skippedReason: z.string().optional(),
  askedAt: z.number().optional(),
  answeredAt: z.number().optional(),
});
/** The CSAT result as a conversation's hash keeps it: short names, times in base 36 (a rated survey fits 64 bytes). */
const packedCsatSchema = z.object({
  s: z.enum(['pending', 'answered', 'skipped']),
  k: z.enum(['csat5', 'nps10']),
  v: z.number().optional(),
  m: z.string().optional(),
  r: z.string().optional(),
  q: z.string().optional(),
  a: z.string().optional(),
});

export function packCsat(c: Csat): string {
  return JSON.stringify({
    s: c.status,
    k: c.scale,
    v: c.score,
    m: c.comment,
    r: c.skippedReason,
    q: c.askedAt === undefined ? undefined : packTime(c.askedAt),
    a: c.answeredAt === undefined ? undefined : packTime(c.answeredAt),
  });
}

/** The CSAT result from the hash: the packed form, or the full JSON written before it; undefined when unreadable. */
export function unpackCsat(raw: string | undefined): Csat | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const packed = packedCsatSchema.safeParse(json);
  if (packed.success) {
    const p = packed.data;
    const out: Csat = { status: p.s, scale: p.k, score: p.v, comment: p.m, skippedReason: p.r, askedAt: p.q === undefined ? undefined : unpackTime(p.q), answeredAt: p.a === undefined ? undefined : unpackTime(p.a) };
    for (const k of Object.keys(out) as (keyof Csat)[]) if (out[k] === undefined) delete out[k];
    return out;
  }
  const full = csatSchema.safeParse(json);
  return full.success ? full.data : undefined;
}
