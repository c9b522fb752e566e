import type Redis from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../logger';
import { callCrm, type CrmCallOptions, type CrmRequest } from './callCrm';
import { crmRecordSchema, type CrmRecord } from './crmRecord';

/** A CRM record as Baton keeps it: what the CRM said (null = it doesn't know the customer) and when. */
export interface CrmSnapshot {
  record: CrmRecord | null;
  fetchedAt: number;
}

const snapshotSchema = z.object({ record: crmRecordSchema.nullable(), fetchedAt: z.number() });

export interface CrmEnrichmentOptions extends CrmCallOptions {
  redis: Redis;
  /** How long an answer is kept (CRM_CACHE_TTL_SECONDS). */
  ttlSeconds: number;
  logger: Logger;
}

const key = (customerId: string) => `crm:customer:${customerId}`;

/**
 * CRM enrichment with a Redis cache: `refresh` (first message) asks the CRM in the background and
 * never delays anything; `lookup` (handoff) answers from the cache, or waits for the CRM at most
 * the timeout. Answers (including "unknown customer") are cached for the TTL; timeouts, HTTP errors
 * and invalid answers are logged (customer id and the kind of failure only) and cached nowhere, so
 * they change nothing for the customer.
 */
export class CrmEnrichment {
  private readonly inFlight = new Map<string, Promise<CrmSnapshot | null>>();
  private readonly now: () => number;

  constructor(private readonly opts: CrmEnrichmentOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The cached answer, if any (never calls the CRM). Data read back from Redis is validated. */
  async cached(customerId: string): Promise<CrmSnapshot | null> {
    const raw = await this.opts.redis.get(key(customerId)).catch(() => null);
    if (!raw) return null;
    try {
      const parsed = snapshotSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Fire and forget: asks the CRM unless the answer is cached or already being fetched. */
  refresh(request: CrmRequest): void {
    void this.fetchOnce(request).catch(() => undefined);
  }

  /** The CRM's answer for a handoff: cached, or fetched, waiting at most the timeout. */
  async lookup(request: CrmRequest): Promise<CrmSnapshot | null> {
    const pending = this.fetchOnce(request);
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), this.opts.timeoutMs);
    });
    try {
      return await Promise.race([pending, limit]);
    } finally {
      clearTimeout(timer);
    }
  }

  private fetchOnce(request: CrmRequest): Promise<CrmSnapshot | null> {
    const id = request.customer.customerId;
    const running = this.inFlight.get(id);
    if (running) return running;
    const work = (async () => {
      const hit = await this.cached(id);
      if (hit) return hit;
      const outcome = await callCrm(request, this.opts);
      if (outcome.kind !== 'ok') {
        this.opts.logger.warn('crm enrichment failed; nothing changes for the customer', {
          customerId: id,
          event: request.event,
          outcome: outcome.kind,
          ...(outcome.kind === 'http_error' ? { status: outcome.status } : {}),
          ...(outcome.kind === 'bad_response' ? { issues: outcome.issues.slice(0, 5) } : {}),
        });
        return null;
      }
      const snapshot: CrmSnapshot = { record: outcome.record, fetchedAt: this.now() };
      await this.opts.redis.set(key(id), JSON.stringify(snapshot), 'EX', this.opts.ttlSeconds).catch(() => undefined);
      this.opts.logger.debug('crm enrichment cached', { customerId: id, known: outcome.record !== null });
      return snapshot;
    })().finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, work);
    return work;
  }
}
