import type Redis from 'ioredis';
import { z } from 'zod';
import { BatonError } from '../../errors';
import { taggedKey } from '../../store/keys';
import type { FactWrite } from './facts';

/**
 * The dashboard's pre-aggregated figures in Redis: per day, one hash of counters and one hash of
 * markers (naming rule: src/store/keys.ts; the hash tag is the day, so a fact's script touches one
 * slot).
 *
 *   dash:{2026-12-06}        field `<scope>|<figure>` → count (HINCRBY), e.g. `all|escalated`,
 *                            `ch:whatsapp|conversations`, `agent:a_1|frt#95` (a histogram bucket)
 *   dash:{2026-12-06}:seen   field `<conversation>` → `|<marker>|<marker>|…|@team=<team>|@lang=<lang>|`:
 *                            the facts already counted, the team and language it counts in (one
 *                            field a conversation: a hash field costs Redis about 70 bytes of its
 *                            own). Versions before wrote a field each, `<conversation>|<marker>` → 1
 *                            and `<conversation>|@team` / `|@lang` → the pin: still honoured.
 *
 * Both expire TTL_DAYS after the last write (a period may be at most 366 days long).
 */

export const AGGREGATE_TTL_DAYS = 400;

export const dayKey = (day: string) => taggedKey('dash', day);
export const seenKey = (day: string) => taggedKey('dash', day, 'seen');

/**
 * KEYS: counters, seen (one day: one slot). ARGV: conversation id, language to pin ('' none),
 * team to pin ('' none), ttl seconds, then groups: marker, n, then n × (scope, field, delta).
 * A group is applied only if its marker is new (not in the conversation's field, nor a field of its
 * own as versions before wrote it); returns how many groups were applied. Markers and pins never
 * hold `|` (safeName).
 * Pins apply only to a conversation whose opening was counted here (one opened before the
 * aggregates existed would otherwise be counted in a team or language it was never counted in).
 */
const RECORD = `
local conv = ARGV[1]
local packed = redis.call('HGET', KEYS[2], conv) or '|'
local changed = false
local function has(marker)
  return string.find(packed, '|' .. marker .. '|', 1, true) ~= nil or redis.call('HEXISTS', KEYS[2], conv .. '|' .. marker) == 1
end
local function pinned(name)
  local v = string.match(packed, '|' .. name .. '=([^|]*)|')
  if v then return v end
  return redis.call('HGET', KEYS[2], conv .. '|' .. name)
end
local function add(text)
  packed = packed .. text .. '|'
  changed = true
end
local opened = has('opened')
local lang = pinned('@lang')
if not lang and ARGV[2] ~= '' and opened then
  lang = ARGV[2]
  add('@lang=' .. lang)
  redis.call('HINCRBY', KEYS[1], 'lang:' .. lang .. '|conversations', 1)
end
local team = pinned('@team')
if not team and ARGV[3] ~= '' and opened then
  team = ARGV[3]
  add('@team=' .. team)
  redis.call('HINCRBY', KEYS[1], 'team:bot|conversations', -1)
  redis.call('HINCRBY', KEYS[1], 'team:' .. team .. '|conversations', 1)
end
local applied = 0
local i = 5
while i <= #ARGV do
  local marker = ARGV[i]
  local n = tonumber(ARGV[i + 1])
  i = i + 2
  if not has(marker) then
    add(marker)
    applied = applied + 1
    for j = 0, n - 1 do
      local scope = ARGV[i + 3 * j]
      if scope == '@team' then scope = 'team:' .. (team or 'bot')
      elseif scope == '@lang' then scope = lang and ('lang:' .. lang) or false end
      if scope then redis.call('HINCRBY', KEYS[1], scope .. '|' .. ARGV[i + 3 * j + 1], ARGV[i + 3 * j + 2]) end
    end
  end
  i = i + 3 * n
end
if changed then redis.call('HSET', KEYS[2], conv, packed) end
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return applied
`;

type WithRecord = Redis & { batonDashRecord(k1: string, k2: string, ...argv: string[]): Promise<number> };

/** A counter as read back: an integer (anything else is a corrupt store). */
const COUNT = /^-?\d{1,15}$/;
const hashSchema = z.record(z.string(), z.string());

export type DayCounters = Map<string, number>;

export class DashboardAggregates {
  private readonly r: WithRecord;

  constructor(redis: Redis, private readonly ttlDays = AGGREGATE_TTL_DAYS) {
    this.r = redis as WithRecord;
    if (typeof this.r.batonDashRecord !== 'function') redis.defineCommand('batonDashRecord', { numberOfKeys: 2, lua: RECORD });
  }

  /** Applies a fact write; returns how many of its groups were new (0 for a replay). */
  async record(w: FactWrite): Promise<number> {
    if (w.groups.length === 0 && !w.language && !w.team) return 0;
    const argv = [w.conversationId, w.language ?? '', w.team ?? '', String(this.ttlDays * 86_400)];
    for (const g of w.groups) {
      argv.push(g.marker, String(g.inc.length));
      for (const [scope, field, delta] of g.inc) argv.push(scope, field, String(Math.round(delta)));
    }
    return this.r.batonDashRecord(dayKey(w.day), seenKey(w.day), ...argv);
  }

  /** The counters of each day asked for (an empty map for a day with nothing). */
  /**
   * Removes a conversation's markers (retention): from the day before it opened to the day after its
   * last change (its facts count on its opening day in the dashboard's zone, a call on the call's
   * day), at most 45 days. The counters stay: they name nobody.
   */
  async forget(conversationId: string, from: number, to: number): Promise<void> {
    const DAY = 86_400_000;
    const days = new Set<string>();
    for (let t = from - DAY; t <= Math.min(to + DAY, from + 45 * DAY); t += DAY) days.add(new Date(t).toISOString().slice(0, 10));
    days.add(new Date(to + DAY).toISOString().slice(0, 10));
    await Promise.all(
      [...days].map(async (day) => {
        const key = seenKey(day);
        await this.r.hdel(key, conversationId);
        let cursor = '0';
        do {
          const [next, flat] = await this.r.hscan(key, cursor, 'MATCH', `${conversationId}|*`, 'COUNT', 1000);
          cursor = next;
          const fields = flat.filter((_, i) => i % 2 === 0);
          if (fields.length) await this.r.hdel(key, ...fields);
        } while (cursor !== '0');
      }),
    );
  }

  /** The facts counted for a conversation on a day (its markers, both shapes), sorted. */
  async markers(day: string, conversationId: string): Promise<string[]> {
    const key = seenKey(day);
    const found = new Set((await this.r.hget(key, conversationId) ?? '').split('|'));
    let cursor = '0';
    do {
      const [next, flat] = await this.r.hscan(key, cursor, 'MATCH', `${conversationId}|*`, 'COUNT', 1000);
      cursor = next;
      for (let i = 0; i < flat.length; i += 2) found.add(flat[i]!.slice(conversationId.length + 1));
    } while (cursor !== '0');
    return [...found].filter((m) => m !== '' && !m.startsWith('@')).sort();
  }

  async readDays(days: readonly string[]): Promise<Map<string, DayCounters>> {
    // One HGETALL per day, sent together (not a pipeline: on Redis Cluster the days are in different slots).
    const results = await Promise.all(
      days.map((d) =>
        this.r.hgetall(dayKey(d)).catch((err: Error) => {
          throw new BatonError('STORE_UNAVAILABLE', `Could not read the dashboard figures of ${d}: ${err.message}`);
        }),
      ),
    );
    const out = new Map<string, DayCounters>();
    days.forEach((d, i) => {
      // The shape with zod; each value with one regex test in a plain loop (a zod schema per field
      // was most of the read's time over 30 days: measured with npm run bench:dashboard).
      const parsed = hashSchema.safeParse(results[i] ?? {});
      const counters: DayCounters = new Map();
      if (parsed.success) for (const k in parsed.data) counters.set(k, COUNT.test(parsed.data[k]!) ? Number(parsed.data[k]) : Number.NaN);
      if (!parsed.success || [...counters.values()].some(Number.isNaN)) {
        throw new BatonError('INTERNAL', `The dashboard figures of ${d} (key ${dayKey(d)}) hold a field that is not a count; delete the key to rebuild from new facts`);
      }
      out.set(d, counters);
    });
    return out;
  }
}
