import type Redis from 'ioredis';
import type { Cluster } from 'ioredis';
import { classifyKey, FIXED_OLD_NAMES, type KeyKind } from './keyRenames';

/**
 * Moves keys written under the names Baton used before Redis Cluster support (src/migrations/keyRenames.ts)
 * to today's names.
 *
 * - SCAN (never KEYS) over every master, `batch` keys a call, only under the key prefix.
 * - A key moves by DUMP + RESTORE (its PTTL kept) + DEL: old and new name may live in two slots,
 *   on two masters, where RENAME cannot go.
 * - RESTORE never replaces: a new name that exists already is a conflict, reported, both keys left
 *   as they are. Unless it holds exactly what the old key holds (a run that stopped between RESTORE
 *   and DEL): then the old key is deleted and the move counts as finished. So a second run, after a
 *   crash or not, finishes the job, and a run with nothing left to do changes nothing.
 */

/** Counts per kind; nothing here ever holds a value. */
export interface KindCounts {
  /** Old keys found. */
  found: number;
  /** Moved now (or, in a dry run, that would move). */
  moved: number;
  /** Found already copied by an earlier run that stopped before deleting them: deleted now. */
  finished: number;
  /** A different key holds the new name: both left alone. */
  conflicts: number;
  /** Not moved: left to expire (see the kind's `why`). */
  leftToExpire: number;
}

export interface MigrationReport {
  dryRun: boolean;
  byKind: Map<string, KindCounts>;
  /** Old key names (without the prefix) left alone because their new name holds something else. */
  conflicts: { kind: string; oldName: string; newName: string }[];
  /** Keys looked at (every key under the prefix). */
  scanned: number;
}

export interface MigrateOptions {
  /** The store's client: it adds the key prefix to every key it is given. */
  client: Redis | Cluster;
  /** REDIS_KEY_PREFIX. */
  prefix: string;
  dryRun?: boolean;
  /** SCAN COUNT, and how many keys are moved at once (default 500). */
  batch?: number;
  /** Called after each SCAN batch (progress for people; counts only). */
  onBatch?: (report: MigrationReport) => void;
}

function isCluster(client: Redis | Cluster): client is Cluster {
  return (client as Cluster).isCluster === true;
}

/**
 * The connections to SCAN: every master of a cluster, else the client itself. A cluster knows its
 * masters once it is ready: waits for that (a cluster that never gets ready fails its commands anyway).
 */
async function scanNodes(client: Redis | Cluster): Promise<Redis[]> {
  if (!isCluster(client)) return [client];
  if (client.status !== 'ready') {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Redis Cluster did not get ready within 10 s')), 10_000);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  const masters = client.nodes('master');
  if (masters.length === 0) throw new Error('the Redis Cluster client knows no master');
  return masters;
}

/** A SCAN MATCH pattern for every key under a prefix (glob characters in the prefix escaped). */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
}

function emptyCounts(): KindCounts {
  return { found: 0, moved: 0, finished: 0, conflicts: 0, leftToExpire: 0 };
}

function countsOf(report: MigrationReport, kind: KeyKind): KindCounts {
  let c = report.byKind.get(kind.name);
  if (!c) report.byKind.set(kind.name, (c = emptyCounts()));
  return c;
}

/** The prefix-less name of a key SCAN returned, or undefined for a key of another prefix. */
function withoutPrefix(full: string, prefix: string): string | undefined {
  return full.startsWith(prefix) ? full.slice(prefix.length) : undefined;
}

type Outcome = 'moved' | 'finished' | 'conflict' | 'gone';

/** Moves one key (names without the prefix: the client adds it). */
export async function moveKey(client: Redis | Cluster, oldName: string, newName: string, dryRun: boolean): Promise<Outcome> {
  if (dryRun) {
    const [oldThere, newThere] = await Promise.all([client.exists(oldName), client.exists(newName)]);
    if (!oldThere) return 'gone';
    if (!newThere) return 'moved';
    return (await sameContent(client, oldName, newName)) ? 'finished' : 'conflict';
  }
  const [dump, pttl] = await Promise.all([client.dumpBuffer(oldName), client.pttl(oldName)]);
  if (!dump || pttl === -2) return 'gone';
  try {
    // PTTL -1: no expiry (RESTORE's 0). A key about to expire keeps at least a millisecond.
    await client.restore(newName, pttl > 0 ? pttl : 0, dump);
  } catch (err) {
    if (!/BUSYKEY/.test((err as Error).message)) throw err;
    if (!(await sameContent(client, oldName, newName))) return 'conflict';
    await client.del(oldName);
    return 'finished';
  }
  await client.del(oldName);
  return 'moved';
}

/**
 * Whether two keys hold the same value. Equal DUMP payloads say so at once; a hash or set stored as
 * a hash table dumps its entries in table order, which a RESTORE may change, so those are compared
 * entry by entry (the values are compared here and never leave this function).
 */
async function sameContent(client: Redis | Cluster, a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([client.dumpBuffer(a), client.dumpBuffer(b)]);
  if (!da || !db) return false;
  if (da.equals(db)) return true;
  const [ta, tb] = await Promise.all([client.type(a), client.type(b)]);
  if (ta !== tb) return false;
  const read = async (k: string): Promise<string> => {
    switch (ta) {
      case 'hash':
        return JSON.stringify(Object.entries(await client.hgetall(k)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
      case 'set':
        return JSON.stringify((await client.smembers(k)).sort());
      case 'zset':
        return JSON.stringify(await client.zrange(k, 0, -1, 'WITHSCORES'));
      case 'list':
        return JSON.stringify(await client.lrange(k, 0, -1));
      default:
        return JSON.stringify(await client.get(k));
    }
  };
  const [ca, cb] = await Promise.all([read(a), read(b)]);
  return ca === cb;
}

/**
 * Spreads a set or sorted set over its bucket keys: each member is added to its bucket's key (a
 * sorted-set member already there keeps its score), then the old key is deleted. Adding is
 * idempotent, so a run that stopped in between is finished by the next.
 */
async function spreadKey(client: Redis | Cluster, oldName: string, type: 'set' | 'zset', to: (member: string) => string, dryRun: boolean): Promise<Outcome> {
  if (dryRun) return (await client.exists(oldName)) ? 'moved' : 'gone';
  const byTarget = new Map<string, string[]>();
  if (type === 'set') {
    const members = await client.smembers(oldName);
    for (const m of members) byTarget.set(to(m), [...(byTarget.get(to(m)) ?? []), m]);
  } else {
    const flat = await client.zrange(oldName, 0, -1, 'WITHSCORES');
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const target = to(flat[i]!);
      byTarget.set(target, [...(byTarget.get(target) ?? []), flat[i + 1]!, flat[i]!]);
    }
  }
  if (byTarget.size === 0 && !(await client.exists(oldName))) return 'gone';
  await Promise.all([...byTarget].map(([target, args]) => (type === 'set' ? client.sadd(target, ...args) : client.zadd(target, 'NX', ...args))));
  await client.del(oldName);
  return 'moved';
}

/** One old key: classified, moved (or counted), its counts updated. */
async function migrateOne(opts: MigrateOptions, report: MigrationReport, name: string): Promise<void> {
  const hit = classifyKey(name);
  if (!hit) return;
  const { kind, match } = hit;
  const counts = countsOf(report, kind);
  counts.found++;
  const dryRun = opts.dryRun ?? false;
  let outcome: Outcome;
  let newName = '';
  switch (kind.move.kind) {
    case 'expires':
      counts.leftToExpire++;
      return;
    case 'spread':
      outcome = await spreadKey(opts.client, name, kind.move.type, kind.move.to, dryRun);
      break;
    case 'rename':
      newName = kind.move.to(match);
      outcome = await moveKey(opts.client, name, newName, dryRun);
      break;
  }
  if (outcome === 'gone') counts.found--;
  else if (outcome === 'moved') counts.moved++;
  else if (outcome === 'finished') counts.finished++;
  else {
    counts.conflicts++;
    report.conflicts.push({ kind: kind.name, oldName: name, newName });
  }
}

/** Moves (or, dry, counts) every old key under the prefix. */
export async function migrateKeys(opts: MigrateOptions): Promise<MigrationReport> {
  const batch = opts.batch ?? 500;
  const report: MigrationReport = { dryRun: opts.dryRun ?? false, byKind: new Map(), conflicts: [], scanned: 0 };
  const pattern = prefixPattern(opts.prefix);
  for (const node of await scanNodes(opts.client)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', batch);
      cursor = next;
      report.scanned += keys.length;
      const names = keys.map((k) => withoutPrefix(k, opts.prefix)).filter((n): n is string => n !== undefined);
      await Promise.all(names.map((n) => migrateOne(opts, report, n)));
      opts.onBatch?.(report);
    } while (cursor !== '0');
  }
  return report;
}

/** What the start-up check found: old keys whose new name is free (data today's code cannot see), per kind. */
export interface OldKeysFound {
  unmoved: Map<string, number>;
  /** Old keys whose new name exists too (conflicts a migration reported): they do not stop a start. */
  conflicts: number;
}

/**
 * A cheap look for old key names, for the server's start: EXISTS of the few old names with a fixed
 * spelling, and at most `scans` SCAN calls of `count` keys on each master. A store written by a
 * version before the renames holds nearly only old names, so the first SCAN meets them.
 * An old key whose new name exists too is a conflict a migration left: counted, not reported as unmoved.
 */
export async function findOldKeys(client: Redis | Cluster, prefix: string, limits: { scans?: number; count?: number } = {}): Promise<OldKeysFound> {
  const found: OldKeysFound = { unmoved: new Map(), conflicts: 0 };
  const names = new Set<string>();
  const fixed = await Promise.all(FIXED_OLD_NAMES.map(async (n) => ((await client.exists(n)) ? n : undefined)));
  for (const n of fixed) if (n) names.add(n);
  const pattern = prefixPattern(prefix);
  for (const node of await scanNodes(client)) {
    let cursor = '0';
    for (let i = 0; i < (limits.scans ?? 4); i++) {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', limits.count ?? 1000);
      for (const k of keys) {
        const n = withoutPrefix(k, prefix);
        if (n !== undefined && classifyKey(n)) names.add(n);
      }
      cursor = next;
      if (cursor === '0') break;
    }
  }
  await Promise.all(
    [...names].map(async (n) => {
      const { kind, match } = classifyKey(n)!;
      if (kind.move.kind === 'expires') return;
      if (kind.move.kind === 'rename' && (await client.exists(kind.move.to(match)))) {
        found.conflicts++;
        return;
      }
      found.unmoved.set(kind.name, (found.unmoved.get(kind.name) ?? 0) + 1);
    }),
  );
  return found;
}
