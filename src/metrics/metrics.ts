import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CHANNELS, type Author, type Direction } from '../conversations/types';
import { ESCALATION_REASONS, type CsatScale } from '../handoff/types';
import { LabelClamp } from './labelClamp';

/** One team's queue as seen at scrape time. */
export interface QueueSnapshotRow {
  team: string;
  length: number;
  /** When the longest-waiting conversation entered the queue (ms); absent when the queue is empty. */
  oldestQueuedAt?: number;
}

export type QueueSnapshot = () => Promise<QueueSnapshotRow[]>;

/** What a webhook request came to. Anything else is recorded as `other`. */
export const WEBHOOK_OUTCOMES = [
  'accepted',
  'duplicate',
  'rejected_signature',
  'invalid',
  'disabled',
  'ignored',
  'rate_limited',
  'error',
] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

export const CSAT_SCALE_RANGE: Record<CsatScale, { min: number; max: number }> = {
  csat5: { min: 1, max: 5 },
  nps10: { min: 0, max: 10 },
};

export interface MetricsOptions {
  /** Queue lengths and oldest waits, read at every scrape. Without it the queue gauges stay empty. */
  queueSnapshot?: QueueSnapshot;
  clock?: () => number;
  /** Process metrics (CPU, memory, GC, event-loop lag…). Default true. */
  defaultMetrics?: boolean;
  /** A snapshot slower than this counts as failed, so a slow store never hangs the scrape (default 5 s). */
  queueSnapshotTimeoutMs?: number;
  /** Label budgets: how many distinct data-driven values before the rest become `other`. */
  maxIntents?: number;
  maxTeams?: number;
  maxErrorCodes?: number;
  maxLanguages?: number;
}

/** Waits from seconds to a working day: first responses and handle times are minutes to hours. */
export const DURATION_BUCKETS_SECONDS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];
/** Every score on both scales gets its own bucket (csat5: 1–5, nps10: 0–10). */
export const CSAT_BUCKETS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Handle times: a minute to three days. */
export const HANDLE_TIME_BUCKETS_SECONDS = [60, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 86400, 259200];

/**
 * Baton's Prometheus metrics on a registry of their own (never prom-client's global one), so several
 * app instances and test suites in one process never clash. Each method clamps its labels to a
 * bounded set (see LabelClamp) and ignores values that cannot be measured (negative or non-finite).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly clock: () => number;

  private readonly webhookRequests: Counter<'channel' | 'outcome'>;
  private readonly messages: Counter<'channel' | 'direction' | 'author'>;
  private readonly sendFailures: Counter<'channel' | 'code'>;
  private readonly sendRetries: Counter<'channel' | 'code'>;
  private readonly deadLetters: Counter<'channel' | 'code'>;
  private readonly sendReconciliations: Counter<'channel' | 'outcome'>;
  private readonly botAnswers: Counter<'intent'>;
  private readonly botFallbacks: Counter<'language'>;
  private readonly escalations: Counter<'reason' | 'team'>;
  private readonly firstResponseSeconds: Histogram<string>;
  private readonly handleTimeSeconds: Histogram<string>;
  private readonly csatScore: Histogram<'scale'>;
  private readonly queueSnapshotFailures: Counter<string>;

  private readonly channel = new LabelClamp({ known: CHANNELS, maxDistinct: 0 });
  private readonly outcome = new LabelClamp({ known: WEBHOOK_OUTCOMES, maxDistinct: 0 });
  private readonly direction = new LabelClamp({ known: ['inbound', 'outbound', 'internal'] satisfies Direction[], maxDistinct: 0 });
  private readonly author = new LabelClamp({ known: ['customer', 'bot', 'agent', 'system'] satisfies Author[], maxDistinct: 0 });
  private readonly reason = new LabelClamp({ known: ESCALATION_REASONS, maxDistinct: 0 });
  private readonly intent: LabelClamp;
  private readonly team: LabelClamp;
  private readonly code: LabelClamp;
  private readonly language: LabelClamp;

  /** One snapshot read shared by both queue gauges during a scrape. */
  private inflightSnapshot: Promise<QueueSnapshotRow[]> | null = null;

  constructor(opts: MetricsOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.intent = new LabelClamp({ maxDistinct: opts.maxIntents ?? 200 });
    this.team = new LabelClamp({ maxDistinct: opts.maxTeams ?? 50 });
    this.code = new LabelClamp({ maxDistinct: opts.maxErrorCodes ?? 50 });
    this.language = new LabelClamp({ known: ['en', 'hi', 'hi-Latn', 'ur', 'ne'], maxDistinct: opts.maxLanguages ?? 20 });
    const registers = [this.registry];

    if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });

    this.webhookRequests = new Counter({
      name: 'baton_webhook_requests_total',
      help: 'Webhook requests by channel and what became of them (accepted, duplicate, rejected_signature, invalid, disabled…)',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.messages = new Counter({
      name: 'baton_messages_total',
      help: 'Messages recorded on transcripts, by channel, direction and author',
      labelNames: ['channel', 'direction', 'author'],
      registers,
    });
    this.sendFailures = new Counter({
      name: 'baton_send_failures_total',
      help: 'Outbound messages the platform refused or failed to deliver, by channel and platform error code',
      labelNames: ['channel', 'code'],
      registers,
    });
    this.sendRetries = new Counter({
      name: 'baton_send_retries_total',
      help: 'Retries scheduled for sends that failed in a retryable way (5xx, 429, timeouts, transient platform codes), by channel and code',
      labelNames: ['channel', 'code'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'baton_send_dead_letters_total',
      help: 'Sends that failed for good and were kept as dead letters (GET /api/v1/dead-letters), by channel and code',
      labelNames: ['channel', 'code'],
      registers,
    });
    this.sendReconciliations = new Counter({
      name: 'baton_send_reconciliations_total',
      help: 'Sends whose result was unknown (timeout, crash): found on the platform, not found (sent again), or unreconciled (could not be checked)',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.botAnswers = new Counter({
      name: 'baton_bot_answers_total',
      help: 'Answers the bot gave, by intent',
      labelNames: ['intent'],
      registers,
    });
    this.botFallbacks = new Counter({
      name: 'baton_bot_fallbacks_total',
      help: 'Messages the bot did not understand, by conversation language',
      labelNames: ['language'],
      registers,
    });
    this.escalations = new Counter({
      name: 'baton_escalations_total',
      help: 'Conversations handed to people, by main reason and team',
      labelNames: ['reason', 'team'],
      registers,
    });
    this.firstResponseSeconds = new Histogram({
      name: 'baton_first_response_seconds',
      help: 'From escalation to the first reply by a person',
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    });
    this.handleTimeSeconds = new Histogram({
      name: 'baton_handle_time_seconds',
      help: 'From assignment to an agent to resolution',
      buckets: HANDLE_TIME_BUCKETS_SECONDS,
      registers,
    });
    this.csatScore = new Histogram({
      name: 'baton_csat_score',
      help: 'Satisfaction scores answered, by scale (csat5: 1-5, nps10: 0-10)',
      labelNames: ['scale'],
      buckets: CSAT_BUCKETS,
      registers,
    });
    const snapshot = opts.queueSnapshot;
    const readSnapshot = async (): Promise<QueueSnapshotRow[]> => {
      if (!snapshot) return [];
      if (!this.inflightSnapshot) {
        const timeoutMs = opts.queueSnapshotTimeoutMs ?? 5_000;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('queue snapshot timed out')), timeoutMs);
          timer.unref();
        });
        this.inflightSnapshot = Promise.race([snapshot(), timeout])
          .catch(() => {
            this.queueSnapshotFailures.inc();
            return [];
          })
          .finally(() => {
            clearTimeout(timer);
            this.inflightSnapshot = null;
          });
      }
      return this.inflightSnapshot;
    };
    this.queueSnapshotFailures = new Counter({
      name: 'baton_queue_snapshot_failures_total',
      help: 'Scrapes where the queue gauges could not be read (they are left empty)',
      registers,
      // Waits for this scrape's snapshot, so a failure shows in the same scrape.
      async collect() {
        await readSnapshot();
      },
    });
    const team = this.team;
    const clock = this.clock;
    new Gauge({
      name: 'baton_queue_length',
      help: 'Conversations waiting in each team queue (read at scrape time)',
      labelNames: ['team'],
      registers,
      async collect() {
        const rows = await readSnapshot();
        this.reset();
        for (const row of rows) this.inc({ team: team.value(row.team) }, Math.max(0, row.length));
      },
    });
    new Gauge({
      name: 'baton_queue_oldest_wait_seconds',
      help: 'How long the longest-waiting conversation of each team queue has waited (0 when empty)',
      labelNames: ['team'],
      registers,
      async collect() {
        const rows = await readSnapshot();
        this.reset();
        const now = clock();
        const oldest = new Map<string, number>();
        for (const row of rows) {
          const wait = row.length > 0 && row.oldestQueuedAt !== undefined ? Math.max(0, (now - row.oldestQueuedAt) / 1000) : 0;
          const label = team.value(row.team);
          oldest.set(label, Math.max(oldest.get(label) ?? 0, wait));
        }
        for (const [label, wait] of oldest) this.set({ team: label }, wait);
      },
    });
  }

  /** A webhook request ended (call once per request, after the outcome is known). */
  webhook(channel: string, outcome: WebhookOutcome | string): void {
    this.webhookRequests.inc({ channel: this.channel.value(channel), outcome: this.outcome.value(outcome) });
  }

  /** A message was recorded on a transcript (not for duplicates). */
  message(channel: string, direction: Direction, author: Author): void {
    this.messages.inc({
      channel: this.channel.value(channel),
      direction: this.direction.value(direction),
      author: this.author.value(author),
    });
  }

  /** A send failed (API refusal or a failed/undelivered status callback), with the platform's code. */
  sendFailure(channel: string, code: string | undefined): void {
    this.sendFailures.inc({ channel: this.channel.value(channel), code: this.code.value(code || 'unknown') });
  }

  /** A retryable send failure, tried again later. */
  sendRetry(channel: string, code: string): void {
    this.sendRetries.inc({ channel: this.channel.value(channel), code: this.code.value(code || 'unknown') });
  }

  /** A send that failed for good and became a dead letter. */
  deadLetter(channel: string, code: string): void {
    this.deadLetters.inc({ channel: this.channel.value(channel), code: this.code.value(code || 'unknown') });
  }

  /** A send with an unknown result: `found`, `not_found` (then sent again) or `unreconciled`. */
  sendReconciliation(channel: string, outcome: 'found' | 'not_found' | 'unreconciled'): void {
    this.sendReconciliations.inc({ channel: this.channel.value(channel), outcome });
  }

  botAnswer(intent: string): void {
    this.botAnswers.inc({ intent: this.intent.value(intent) });
  }

  fallback(language: string | undefined): void {
    this.botFallbacks.inc({ language: this.language.value(language || 'unknown') });
  }

  escalation(reason: string, team: string): void {
    this.escalations.inc({ reason: this.reason.value(reason), team: this.team.value(team) });
  }

  /** Seconds from escalation to the first reply by a person. */
  firstResponse(seconds: number): void {
    if (Number.isFinite(seconds) && seconds >= 0) this.firstResponseSeconds.observe(seconds);
  }

  /** Seconds from assignment to resolution. */
  handleTime(seconds: number): void {
    if (Number.isFinite(seconds) && seconds >= 0) this.handleTimeSeconds.observe(seconds);
  }

  /** An answered survey; a score off its scale is ignored. */
  csat(score: number, scale: CsatScale): void {
    const range = CSAT_SCALE_RANGE[scale];
    if (!range || !Number.isInteger(score) || score < range.min || score > range.max) return;
    this.csatScore.observe({ scale }, score);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text Prometheus scrapes. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}
