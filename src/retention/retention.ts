import type { DashboardAggregates } from '../metrics/aggregates/aggregateStore';
import { randomBytes } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type Redis from 'ioredis';
import type { Fact, FactStore } from '../conversations/factStore';
import type { RedisConversationStore } from '../conversations/redisConversationStore';
import type { Conversation, Message } from '../conversations/types';
import { BatonError } from '../errors';
import type { PacketStore } from '../handoff/packetStore';
import type { HandoffPacket } from '../handoff/types';
import { conversationMember, K as identityKeys } from '../identity/keys';
import { auditEntriesOf, auditTargetKey } from '../inbox/audit/redisAuditLog';
import type { SearchIndex } from '../inbox/search/searchIndex';
import type { Logger } from '../logger';
import { idemKey, previousIdemKey } from '../outbound/outboundService';

/**
 * Retention (RETENTION_DAYS): resolved conversations whose last update is older than that are
 * written to a JSON-lines file of the day (RETENTION_EXPORT_DIR/conversations-YYYY-MM-DD.jsonl: the
 * conversation, its messages, facts, packet, CSAT and NPS, its audit entries), flushed to disk, and
 * only then removed with every key and index entry that refers to them.
 *
 * - One instance at a time: a run holds a Redis lock (`retention:{lock}`, a token and a lease);
 *   another instance's run finds it held and does nothing.
 * - Bounded: a run looks at `scanLimit` of the oldest conversations at most and removes `maxPerRun`
 *   at most, in batches of `batchSize` (each batch exported, flushed, then removed).
 * - A crash between the export and the removal leaves the conversation in Redis: the next run
 *   exports it again (its line then appears twice, the same conversation id) and removes it. Nothing
 *   is removed that is not on disk first.
 * - Running again after a finished run finds nothing to do.
 */

export interface RetentionOptions {
  redis: Redis;
  store: RedisConversationStore;
  facts: Pick<FactStore, 'list'>;
  packets: Pick<PacketStore, 'get' | 'remove'>;
  search: Pick<SearchIndex, 'forget'>;
  /** The dashboard's per-conversation markers (the counts stay: they name nobody). */
  aggregates?: Pick<DashboardAggregates, 'forget'>;
  logger: Logger;
  days: number;
  exportDir: string;
  clock?: () => number;
  batchSize?: number;
  maxPerRun?: number;
  scanLimit?: number;
  /** The lock's lease (ms); a run longer than this renews nothing: keep batches small. */
  lockMs?: number;
  /** Called after a batch is on disk, before it is removed (tests stop a run there, as a crash would). */
  afterExport?: (ids: string[]) => void | Promise<void>;
}

export interface RetentionRun {
  /** False when another instance held the lock (nothing was done). */
  ran: boolean;
  /** Conversations looked at (old enough by their last update). */
  scanned: number;
  exported: number;
  removed: number;
  /** Old enough but not resolved, or changed since: kept. */
  kept: number;
  file?: string;
}

export interface RetentionExportLine {
  exportedAt: string;
  conversation: Conversation;
  messages: Message[];
  facts: Fact[];
  packet: HandoffPacket | null;
  csat: Conversation['csat'] | null;
  nps: Conversation['nps'] | null;
  audit: unknown[];
}

const LOCK_KEY = 'retention:{lock}';

/** KEYS: lock. ARGV: token. Releases the lock if this run still holds it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

const DAY_MS = 24 * 3600 * 1000;

/** `conversations-YYYY-MM-DD.jsonl`, the UTC day of the run. */
export function exportFileName(at: number): string {
  return `conversations-${new Date(at).toISOString().slice(0, 10)}.jsonl`;
}

/** Whether a conversation is past retention: resolved, and last updated at or before the cutoff. */
export function isExpired(conversation: Conversation, cutoff: number): boolean {
  return conversation.status === 'resolved' && conversation.updatedAt <= cutoff;
}

export async function runRetention(o: RetentionOptions): Promise<RetentionRun> {
  if (!Number.isInteger(o.days) || o.days < 1) throw new BatonError('CONFIG_INVALID', `RETENTION_DAYS must be a whole number of days, at least 1 (got ${o.days})`);
  const clock = o.clock ?? Date.now;
  const batchSize = o.batchSize ?? 50;
  const maxPerRun = o.maxPerRun ?? 1000;
  const scanLimit = o.scanLimit ?? 5000;
  const token = randomBytes(8).toString('hex');
  const got = await o.redis.set(LOCK_KEY, token, 'PX', o.lockMs ?? 10 * 60_000, 'NX');
  const run: RetentionRun = { ran: got === 'OK', scanned: 0, exported: 0, removed: 0, kept: 0 };
  if (!run.ran) return run;
  try {
    const now = clock();
    const cutoff = now - o.days * DAY_MS;
    const file = path.join(o.exportDir, exportFileName(now));
    // Kept conversations stay in the index ahead of the rest: page past them.
    let offset = 0;
    while (run.removed < maxPerRun && run.scanned < scanLimit) {
      const ids = await o.store.updatedBefore(cutoff, offset, Math.min(batchSize, scanLimit - run.scanned));
      if (ids.length === 0) break;
      run.scanned += ids.length;
      const lines: RetentionExportLine[] = [];
      const gone: string[] = [];
      for (const id of ids) {
        const conversation = await o.store.get(id);
        // Removed already but still indexed (a run stopped in between): finish the removal.
        if (!conversation) gone.push(id);
        else if (isExpired(conversation, cutoff) && run.removed + lines.length < maxPerRun) lines.push(await exportLine(o, conversation, now));
        else {
          run.kept++;
          offset++;
        }
      }
      if (lines.length) {
        await appendDurably(o.exportDir, file, lines);
        run.file = file;
        run.exported += lines.length;
        await o.afterExport?.(lines.map((l) => l.conversation.id));
      }
      for (const line of lines) await removeConversation(o, line);
      for (const id of gone) await o.store.remove(id);
      run.removed += lines.length;
    }
    o.logger.info('retention run', { days: o.days, scanned: run.scanned, exported: run.exported, removed: run.removed, kept: run.kept, ...(run.file ? { file: run.file } : {}) });
    return run;
  } finally {
    await o.redis.eval(RELEASE, 1, LOCK_KEY, token);
  }
}

async function exportLine(o: RetentionOptions, conversation: Conversation, now: number): Promise<RetentionExportLine> {
  const [messages, facts, packet, audit] = await Promise.all([
    o.store.listMessages(conversation.id),
    o.facts.list(conversation.id),
    o.packets.get(conversation.id),
    auditEntriesOf(o.redis, `conversation:${conversation.id}`),
  ]);
  return {
    exportedAt: new Date(now).toISOString(),
    conversation,
    messages,
    facts,
    packet,
    csat: conversation.csat ?? null,
    nps: conversation.nps ?? null,
    audit,
  };
}

/** Appends the lines and flushes them to disk (fdatasync) before returning. */
async function appendDurably(dir: string, file: string, lines: RetentionExportLine[]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.appendFile(lines.map((l) => `${JSON.stringify(l)}\n`).join(''), 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new BatonError('RETENTION_EXPORT_FAILED', `Could not write the retention export ${file} (${(err as Error).message}); nothing was removed. Check RETENTION_EXPORT_DIR exists and is writable.`);
  }
}

/** Every key and index entry outside the store's own that refers to the conversation, then the conversation. */
async function removeConversation(o: RetentionOptions, line: RetentionExportLine): Promise<void> {
  const c = line.conversation;
  await Promise.all([
    o.search.forget(c, line.messages, line.facts),
    c.customerId ? o.redis.zrem(identityKeys.conversations(c.customerId), conversationMember(c.channel, c.id)) : undefined,
    o.redis.del(auditTargetKey(`conversation:${c.id}`)),
    o.redis.del(idemKey(c.id)),
    o.redis.del(previousIdemKey(c.id)),
    o.packets.remove(c.id),
    o.aggregates?.forget(c.id, c.createdAt, c.updatedAt),
  ]);
  await o.store.remove(c.id);
}

/** Runs retention every `intervalMs` on this instance (each run under the lock); errors are logged. */
export function startRetention(o: RetentionOptions & { intervalMs: number }): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = runRetention(o)
      .catch((err: unknown) => o.logger.error('retention run failed', { reason: (err as Error).message, code: (err as BatonError).code }))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, o.intervalMs);
  timer.unref();
  // A first run soon after start (not at once: start-up has enough to do).
  const first = setTimeout(tick, Math.min(o.intervalMs, 30_000));
  first.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
