import type Redis from 'ioredis';
import { ChannelSendError, type ChannelSender, type OutboundContent, type SenderAction } from '../channels/types';
import type { ConversationStore } from '../conversations/conversationStore';
import type { ChannelName, Conversation, MediaItem, Message } from '../conversations/types';
import { BatonError } from '../errors';
import type { WindowVerdict } from '../handoff/types';
import type { Logger } from '../logger';
import { checkWindow } from './channelPolicy';
import { DeadLetterStore, type DeadLetter } from './deadLetters';
import { DEFAULT_RETRY_POLICY, nextAttempt, type RetryPolicy } from './retryPolicy';
import { SendSchedule, type SendJob } from './sendSchedule';
import { taggedKey } from '../store/keys';
import { packedMessageId, packSendKey, parsePackedId } from '../conversations/packedMessage';

export interface SendRequest {
  conversation: Conversation;
  content: OutboundContent;
  author: 'bot' | 'agent' | 'system';
  agentId?: string;
  meta?: Record<string, string | number | boolean>;
  /**
   * The conversation's owner token this send was decided under. The message is recorded (and
   * then sent) only if the owner is still the same; otherwise OWNERSHIP_CHANGED and nothing leaves.
   */
  fence?: number;
  /**
   * Sends with the same key in one conversation are one message: a turn that runs again after a
   * crash gets the message recorded the first time (sent, or carried on if still pending) instead
   * of a second copy.
   */
  idempotencyKey?: string;
  /**
   * The send may repeat one made before a crash (a turn running again): also look for the key on
   * the conversation's latest messages, in case the crash came before the key was stored.
   */
  replay?: boolean;
  /**
   * The key is new: it names a message this very run just recorded (a customer message seen for the
   * first time), so no send can have used it before and it is not looked up (it is still stored,
   * for a run that comes after a crash).
   */
  newKey?: boolean;
}

/** What happened to a send, for metrics and logs. */
export type DeliveryEvent =
  | { kind: 'retry_scheduled'; channel: ChannelName; code: string; delayMs: number }
  | { kind: 'dead_letter'; channel: ChannelName; code: string }
  | { kind: 'reconciled'; channel: ChannelName; outcome: 'found' | 'not_found' }
  | { kind: 'unreconciled'; channel: ChannelName };

export interface OutboundOptions {
  store: ConversationStore;
  senders: Partial<Record<ChannelName, ChannelSender>>;
  redis: Redis;
  logger: Logger;
  /** Backoff and the retry window (default: 1 s doubling to 60 s, for up to 15 minutes). */
  retry?: Partial<RetryPolicy>;
  /**
   * The lease on a send in progress: renewed every third of it while the platform is being asked,
   * so a send whose instance died is taken over (and reconciled) by another within this time
   * (default 3 s).
   */
  leaseMs?: number;
  /** How often this instance looks for due retries (default 500 ms). */
  pollMs?: number;
  /** Called after every outbound message is recorded or changes (live events, metrics). */
  onMessage?: (conversation: Conversation, message: Message) => void;
  /**
   * Media references in contents (agents' uploads): how the transcript shows them, and the content
   * as the platform gets it (references made into links), worked out again at every attempt.
   */
  media?: { describe(url: string, conversationId: string): MediaItem; resolve(content: OutboundContent): OutboundContent };
  /** Retries, dead letters and reconciliations, for metrics. */
  onDelivery?: (event: DeliveryEvent) => void;
  /** The clock the channel windows and the retry schedule are judged by (tests move it). */
  clock?: () => number;
  random?: () => number;
}

const IDEMPOTENCY_TTL_SECONDS = 3 * 24 * 3600;
/**
 * Hash per conversation: idempotency key → the message its send recorded. One key per conversation
 * (not one per send); it expires IDEMPOTENCY_TTL_SECONDS after the conversation's last keyed send.
 * Both sides leave out the conversation id the key already names (idemField, idemValue).
 */
export const idemKey = (conversationId: string) => taggedKey('out:sent', conversationId);
/** The same hash as the previous version wrote it (whole keys and message ids): read until it expires. */
export const previousIdemKey = (conversationId: string) => taggedKey('out:idem', conversationId);

/**
 * A send key as the hash keeps it: a bot reply's key to a message of this conversation
 * (`turn:m<index>.<conversation id>:<n>`) as `#<index>:<n>`; any other key as it is, with a `#`
 * before it when it starts with one (so no key can read as another's).
 */
export function idemField(conversationId: string, key: string): string {
  const packed = packSendKey(key, conversationId);
  return packed !== undefined ? `#${packed}` : key.startsWith('#') ? `#${key}` : key;
}

/** A message id as the hash keeps it: `m<index>` for a transcript entry of this conversation, any other id as it is. */
export function idemValue(conversationId: string, messageId: string): string {
  const packed = parsePackedId(messageId);
  return packed && packed.conversationId === conversationId ? `m${packed.index}` : messageId;
}

/** The message id a hash value names (idemValue's inverse). */
/** KEYS: the hash. ARGV: field, value, ttl (s). What MULTI/HSET/EXPIRE/EXEC did, as one command. */
const REMEMBER_SEND = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`;

type IdemRedis = Redis & { outRememberSend(key: string, field: string, value: string, ttl: number): Promise<number> };

export function messageIdOfIdemValue(conversationId: string, value: string): string {
  return /^m\d+$/.test(value) ? packedMessageId(Number(value.slice(1)), conversationId) : value;
}

/**
 * Every message Baton sends goes through here:
 * 1. the channel's window is checked for the author (a refused send is recorded as refused and
 *    throws WINDOW_CLOSED);
 * 2. the message is recorded on the transcript as pending and queued in the conversation's lane in
 *    Redis (SendSchedule), so it survives a crash;
 * 3. the head of the lane is sent at once; a retryable failure (429, 5xx, Meta's transient codes,
 *    timeouts) is tried again with backoff, honouring Retry-After, by whichever instance finds it
 *    due, for up to the retry window; a later message of the conversation waits behind it;
 * 4. a send whose result is unknown (timeout after the request left, or an instance that died
 *    mid-send) is looked up on the platform before it is sent again;
 * 5. what fails for good is marked failed with the platform's code and kept as a dead letter.
 */
export class OutboundService {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;
  private readonly leaseMs: number;
  readonly schedule: SendSchedule;
  readonly dead: DeadLetterStore;
  private timer?: NodeJS.Timeout;
  private timerAt = 0;
  private running?: Promise<void>;
  private again = false;
  private started = false;
  private stopped = false;

  constructor(private readonly opts: OutboundOptions) {
    this.now = opts.clock ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.leaseMs = opts.leaseMs ?? 3_000;
    this.schedule = new SendSchedule(opts.redis);
    this.dead = new DeadLetterStore(opts.redis);
    const r = opts.redis as IdemRedis;
    if (typeof r.outRememberSend !== 'function') r.defineCommand('outRememberSend', { numberOfKeys: 1, lua: REMEMBER_SEND });
  }

  /**
   * What the channel's window allows this author now. Callers may ask (to choose between text and a
   * template); send() asks again itself, so nobody can send past a closed window.
   */
  window(conversation: Conversation, author: SendRequest['author'], kind: 'text' | 'template'): WindowVerdict {
    return checkWindow({ channel: conversation.channel, lastInboundAt: conversation.lastInboundAt, now: this.now(), author, kind, address: conversation.customerAddress });
  }

  senderFor(channel: ChannelName): ChannelSender {
    const sender = this.opts.senders[channel];
    if (!sender) throw new BatonError('CHANNEL_DISABLED', `The ${channel} channel is not configured on this server`);
    return sender;
  }

  /**
   * Records and sends. Resolves with the message as it stands: sent (or further), `pending` while a
   * retry is scheduled or an earlier message of the conversation goes first, or `failed`.
   */
  async send(req: SendRequest): Promise<Message> {
    return (await this.deliver(req, false)).message;
  }

  /**
   * Like send, and also reports the conversation as recording the message left it (what a caller
   * that goes on working with the conversation would otherwise read again).
   */
  async sendWithConversation(req: SendRequest): Promise<{ message: Message; conversation?: Conversation }> {
    return this.deliver(req, true);
  }

  private async deliver(req: SendRequest, returnConversation: boolean): Promise<{ message: Message; conversation?: Conversation }> {
    this.senderFor(req.conversation.channel);
    if (req.idempotencyKey && !req.newKey) {
      const earlier = await this.earlierSend(req, req.idempotencyKey);
      if (earlier) return { message: earlier };
    }
    const verdict = this.window(req.conversation, req.author, req.content.template ? 'template' : 'text');
    if (!verdict.allowed) await this.refuse(req, verdict);
    const humanAgentTag = verdict.humanAgentTag === true;
    const { message, conversation, indexed } = await this.opts.store.appendMessage(req.conversation, {
      direction: 'outbound',
      author: req.author,
      agentId: req.agentId,
      text: req.content.text,
      media: this.mediaItems(req),
      quickReplies: req.content.quickReplies,
      status: 'pending',
      meta: {
        ...req.meta,
        ...(req.content.template ? { template: req.content.template.contentSid ?? req.content.template.name ?? 'unnamed' } : {}),
        ...(humanAgentTag ? { tag: 'HUMAN_AGENT' } : {}),
        ...(req.idempotencyKey ? { sendKey: req.idempotencyKey } : {}),
      },
    }, { fence: req.fence, returnConversation, indexLater: true });
    // The key is stored alongside the enqueue below (both before the send; a crash between them is
    // covered by the replay's look at the latest messages and the lane's own record).
    const keyStored = req.idempotencyKey ? this.rememberSend(req.conversation.id, req.idempotencyKey, message.id) : undefined;
    this.opts.onMessage?.(req.conversation, message);

    const now = this.now();
    const job: SendJob = {
      conversationId: req.conversation.id,
      messageId: message.id,
      channel: req.conversation.channel,
      to: req.conversation.customerAddress,
      author: req.author,
      humanAgentTag,
      content: req.content,
      attempts: 0,
      partsSent: 0,
      createdAt: now,
    };
    // As the head of its lane it is saved as its first attempt right away (what attempt() would save).
    const first: SendJob = { ...job, attempts: 1, inflightSince: now };
    // The message's index writes travel with the enqueue (one round trip), and are waited for here.
    const [place] = await Promise.all([this.schedule.enqueue(job, now + this.leaseMs, first), keyStored, indexed]);
    if (place !== 1) {
      // An earlier message of this conversation goes first (it is being sent or retried).
      return { message, conversation };
    }
    return { message: await this.attempt(req.conversation, first, { saved: true }), conversation };
  }

  private async rememberSend(conversationId: string, key: string, messageId: string): Promise<void> {
    // One script call rather than MULTI/HSET/EXPIRE/EXEC: as atomic, and no ioredis Pipeline (which
    // copies every defined script onto itself) per bot reply.
    await (this.opts.redis as IdemRedis).outRememberSend(idemKey(conversationId), idemField(conversationId, key), idemValue(conversationId, messageId), IDEMPOTENCY_TTL_SECONDS);
  }

  /**
   * The message an earlier send with this key recorded, if any. A pending one that never made it
   * into its lane (the crash came in between) is queued now, so it is sent rather than left pending.
   */
  private async earlierSend(req: SendRequest, key: string): Promise<Message | null> {
    // The previous formats (the hash with whole keys and ids; before it a string key per send; both
    // expired within 3 days of their last write) are read too, in the same round trip.
    const conversationId = req.conversation.id;
    const [value, previousHash, previousString] = await Promise.all([
      this.opts.redis.hget(idemKey(conversationId), idemField(conversationId, key)),
      this.opts.redis.hget(previousIdemKey(conversationId), key),
      this.opts.redis.get(taggedKey('out:idem', conversationId, key)),
    ]);
    const earlier = (value === null ? null : messageIdOfIdemValue(conversationId, value)) ?? previousHash ?? previousString;
    let message = earlier ? await this.opts.store.getMessage(earlier) : null;
    if (!message && req.replay) {
      const latest = await this.opts.store.listMessages(req.conversation.id, { limit: 100 });
      message = latest.find((m) => m.direction === 'outbound' && m.meta?.sendKey === key) ?? null;
    }
    if (!message || message.status !== 'pending') return message;
    if (await this.schedule.job(req.conversation.id, message.id)) return message;
    const now = this.now();
    const job: SendJob = {
      conversationId: req.conversation.id,
      messageId: message.id,
      channel: req.conversation.channel,
      to: req.conversation.customerAddress,
      author: req.author,
      humanAgentTag: message.meta?.tag === 'HUMAN_AGENT',
      content: req.content,
      attempts: 0,
      partsSent: 0,
      createdAt: now,
      // Never sent as far as we know, but the crash may have come mid-request: look before sending.
      unknownSince: message.createdAt,
    };
    const place = await this.schedule.enqueue(job, now + this.leaseMs);
    if (place === 1) return this.attempt(req.conversation, job);
    return message;
  }

  private mediaItems(req: SendRequest): MediaItem[] {
    const media = this.opts.media;
    return (req.content.mediaUrls ?? []).map((url) => (media ? media.describe(url, req.conversation.id) : { url, kind: 'other' as const }));
  }

  private platformContent(content: OutboundContent): OutboundContent {
    return this.opts.media ? this.opts.media.resolve(content) : content;
  }

  /**
   * One attempt at a lane's head, under its lease: reconcile an unknown earlier result, send, then
   * record the outcome (sent; retry scheduled; or failed and dead-lettered). `saved`: the job is a
   * new head already saved as this attempt (in flight) by enqueue.
   */
  private async attempt(conversation: Conversation, job: SendJob, opts: { saved?: boolean } = {}): Promise<Message> {
    const sender = this.opts.senders[job.channel];
    if (!sender) return this.giveUp(conversation, job, new ChannelSendError(job.channel, 'CHANNEL_DISABLED', `The ${job.channel} channel is not configured on this server`, false));
    const started = opts.saved ? (job.inflightSince ?? this.now()) : this.now();
    if (!opts.saved) {
      const unknownSince = job.unknownSince ?? job.inflightSince;
      if (unknownSince !== undefined) {
        const settled = await this.reconcile(conversation, sender, { ...job, unknownSince });
        if (settled.kind !== 'send') return settled.message;
        job = settled.job;
      }
      job = { ...job, attempts: job.attempts + 1, inflightSince: started, unknownSince: undefined };
      if (!(await this.schedule.save(job, started + this.leaseMs))) {
        // Finished by someone else meanwhile (an admin discarded it, or another instance sent it).
        return (await this.opts.store.getMessage(job.messageId)) ?? this.missing(job);
      }
    }
    const release = this.holdLease(job);
    try {
      const result = await sender.send(job.to, this.platformContent(job.content), {
        messageId: job.messageId,
        author: job.author,
        humanAgentTag: job.humanAgentTag,
        fromPart: job.partsSent,
      });
      release();
      return this.succeed(conversation, job, result.platformMessageId, result.status, sender);
    } catch (err) {
      release();
      const e = err instanceof ChannelSendError ? err : new ChannelSendError(job.channel, 'INTERNAL', (err as Error).message, false);
      const failed: SendJob = {
        ...job,
        inflightSince: undefined,
        partsSent: Math.max(job.partsSent, e.partsSent),
        ...(e.outcomeUnknown ? { unknownSince: started } : {}),
        firstFailureAt: job.firstFailureAt ?? started,
        lastCode: e.platformCode,
        lastError: e.message,
      };
      return this.retryOrGiveUp(conversation, failed, e);
    }
  }

  /** Asks the platform whether an attempt whose result is unknown reached it. */
  private async reconcile(
    conversation: Conversation,
    sender: ChannelSender,
    job: SendJob & { unknownSince: number },
  ): Promise<{ kind: 'done' | 'retry'; message: Message } | { kind: 'send'; job: SendJob }> {
    const cleared: SendJob = { ...job, inflightSince: undefined, unknownSince: undefined };
    if (!sender.lookup) {
      // The channel cannot list what it sent (Messenger): sending again may duplicate; counted.
      this.opts.onDelivery?.({ kind: 'unreconciled', channel: job.channel });
      this.opts.logger.warn('send result unknown and the channel cannot look it up; sending again', {
        channel: job.channel,
        conversationId: job.conversationId,
        messageId: job.messageId,
      });
      return { kind: 'send', job: cleared };
    }
    const claimed = new Set<string>();
    for (const m of await this.opts.store.listMessages(job.conversationId)) if (m.platformMessageId && m.id !== job.messageId) claimed.add(m.platformMessageId);
    let part = job.partsSent;
    for (;;) {
      let answer;
      const release = this.holdLease(job);
      try {
        answer = await sender.lookup(job.to, this.platformContent(job.content), { part, since: job.unknownSince, claimed });
        release();
      } catch (err) {
        release();
        const e = err instanceof ChannelSendError ? err : new ChannelSendError(job.channel, 'LOOKUP_FAILED', (err as Error).message, true);
        const still: SendJob = { ...job, partsSent: part, inflightSince: undefined, firstFailureAt: job.firstFailureAt ?? this.now(), lastCode: e.platformCode, lastError: `lookup failed: ${e.message}` };
        return { kind: 'retry', message: await this.retryOrGiveUp(conversation, still, e) };
      }
      if (!answer.found) {
        this.opts.onDelivery?.({ kind: 'reconciled', channel: job.channel, outcome: 'not_found' });
        return { kind: 'send', job: { ...cleared, partsSent: part } };
      }
      this.opts.onDelivery?.({ kind: 'reconciled', channel: job.channel, outcome: 'found' });
      this.opts.logger.info('send result reconciled: the platform had it', { channel: job.channel, messageId: job.messageId, part });
      if (part + 1 >= answer.parts) {
        return { kind: 'done', message: await this.succeed(conversation, cleared, answer.found.platformMessageId, answer.found.status, sender) };
      }
      part++;
    }
  }

  /** Renews the lease on the job's conversation until the returned function is called. */
  private holdLease(job: SendJob): () => void {
    const timer = setInterval(() => {
      this.schedule.renew(job.conversationId, job.messageId, this.now() + this.leaseMs).catch(() => undefined);
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
    timer.unref?.();
    return () => clearInterval(timer);
  }

  private async succeed(conversation: Conversation, job: SendJob, platformMessageId: string, status: Message['status'], sender: ChannelSender): Promise<Message> {
    // Receipts that name the message (or are watermarks) need no platform id → message index.
    const index = (sender.receipts ?? 'platform-id') === 'platform-id';
    const sent = await this.opts.store.attachPlatformId(job.messageId, job.channel, platformMessageId, status, { index });
    // The lane lets go of it without the caller waiting: the command is on its way ahead of anything
    // the caller does next. Should it fail, the head stays in flight and is reconciled when its lease ends.
    this.finish(job).catch((err: Error) => this.opts.logger.warn('sent message not taken out of its lane; it is reconciled after its lease', { messageId: job.messageId, reason: err.message }));
    this.opts.onMessage?.(conversation, sent);
    return sent;
  }

  private async retryOrGiveUp(conversation: Conversation, job: SendJob, e: ChannelSendError): Promise<Message> {
    if (e.retryable) {
      const now = this.now();
      const decision = nextAttempt(this.policy, {
        attempts: job.attempts,
        firstFailureAt: job.firstFailureAt ?? now,
        now,
        retryAfterMs: e.retryAfterMs,
        random: this.random(),
      });
      if (decision.retry) {
        this.opts.logger.warn('send failed; retry scheduled', {
          channel: e.channel,
          platformCode: e.platformCode,
          httpStatus: e.httpStatus,
          attempt: job.attempts,
          retryInMs: decision.at - now,
          conversationId: job.conversationId,
          messageId: job.messageId,
        });
        this.opts.onDelivery?.({ kind: 'retry_scheduled', channel: job.channel, code: e.platformCode, delayMs: decision.at - now });
        await this.schedule.save(job, decision.at);
        this.wake(decision.at - now);
        return (await this.opts.store.getMessage(job.messageId)) ?? this.missing(job);
      }
      return this.giveUp(conversation, job, e, decision.reason);
    }
    return this.giveUp(conversation, job, e);
  }

  private async giveUp(conversation: Conversation, job: SendJob, e: ChannelSendError, why?: string): Promise<Message> {
    const unreconciled = job.unknownSince !== undefined;
    const reason = why ? `${e.message} (${why})` : e.message;
    this.opts.logger.error('send failed', {
      channel: e.channel,
      platformCode: e.platformCode,
      httpStatus: e.httpStatus,
      reason,
      attempts: job.attempts,
      unreconciled,
      conversationId: job.conversationId,
      messageId: job.messageId,
    });
    if (unreconciled) this.opts.onDelivery?.({ kind: 'unreconciled', channel: job.channel });
    const failed = await this.opts.store.setMessageStatus(job.messageId, 'failed', { code: e.platformCode, message: reason });
    await this.dead.add({
      messageId: job.messageId,
      conversationId: job.conversationId,
      channel: job.channel,
      author: job.author,
      code: e.platformCode,
      reason,
      attempts: job.attempts,
      ...(unreconciled ? { unreconciled: true } : {}),
      at: this.now(),
      job: { ...job, inflightSince: undefined },
    });
    this.opts.onDelivery?.({ kind: 'dead_letter', channel: job.channel, code: e.platformCode });
    await this.finish(job);
    this.opts.onMessage?.(conversation, failed);
    return failed;
  }

  /** Takes the message out of its lane; the next one of the conversation is due at once. */
  private async finish(job: SendJob): Promise<void> {
    const left = await this.schedule.complete(job.conversationId, job.messageId, this.now());
    if (left > 0) this.wake(0);
  }

  private missing(job: SendJob): never {
    throw new BatonError('NOT_FOUND', `Message ${job.messageId} of conversation ${job.conversationId} is gone from the store`);
  }

  // ---------------------------------------------------------------- the schedule runner

  /** Tries every due lane head once (any instance may; leases keep them apart). Returns how many it tried. */
  async runDue(limit = 50): Promise<number> {
    const now = this.now();
    const due = await this.schedule.claim(now, now + this.leaseMs, limit);
    await Promise.all(due.map((id) => this.runHead(id)));
    return due.length;
  }

  private async runHead(conversationId: string): Promise<void> {
    try {
      const head = await this.schedule.head(conversationId);
      if (!head) return;
      const conversation = await this.opts.store.get(conversationId);
      if (!head.job || !conversation) {
        this.opts.logger.error('queued send cannot be read back; marked failed', { conversationId, messageId: head.messageId });
        await this.schedule.complete(conversationId, head.messageId, this.now());
        if (conversation) await this.opts.store.setMessageStatus(head.messageId, 'failed', { code: 'JOB_UNREADABLE', message: 'the queued send could not be read back' }).catch(() => undefined);
        return;
      }
      await this.attempt(conversation, head.job);
    } catch (err) {
      this.opts.logger.error('scheduled send failed', { conversationId, reason: (err as Error).message });
    }
  }

  /** Begins running the schedule on this instance: due sends are looked for every pollMs. */
  startSchedule(): void {
    this.started = true;
    this.stopped = false;
    this.wake(0);
  }

  async stopSchedule(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs the schedule within inMs (at the latest at the next poll). */
  private wake(inMs: number): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      if (inMs <= 0) this.again = true;
      return;
    }
    const at = Date.now() + Math.max(0, Math.min(inMs, this.opts.pollMs ?? 500));
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.tick(), at - Date.now());
    this.timer.unref?.();
  }

  private tick(): void {
    this.timer = undefined;
    this.again = false;
    this.running = (async () => {
      try {
        while (!this.stopped && (await this.runDue()) > 0) {
          /* drain what is due */
        }
      } catch (err) {
        this.opts.logger.warn('send schedule unavailable', { reason: (err as Error).message });
      }
    })().finally(() => {
      this.running = undefined;
      this.wake(this.again ? 0 : (this.opts.pollMs ?? 500));
    });
  }

  // ---------------------------------------------------------------- dead letters

  async deadLetters(opts: { limit?: number; before?: number } = {}): Promise<{ items: DeadLetter[]; total: number }> {
    return this.dead.list({ limit: opts.limit ?? 100, before: opts.before });
  }

  /**
   * Sends a dead letter again (the window is checked again first): the message goes back to
   * pending at the end of its conversation's lane with a fresh retry window.
   */
  async retryDeadLetter(messageId: string): Promise<Message> {
    const entry = await this.dead.get(messageId);
    if (!entry) throw new BatonError('NOT_FOUND', `No dead letter for message ${messageId}`);
    const conversation = await this.opts.store.get(entry.conversationId);
    if (!conversation) throw new BatonError('NOT_FOUND', `Conversation ${entry.conversationId} no longer exists; discard the dead letter instead`);
    const verdict = this.window(conversation, entry.job.author, entry.job.content.template ? 'template' : 'text');
    if (!verdict.allowed) {
      throw new BatonError('WINDOW_CLOSED', `${verdict.reason ?? 'The channel window is closed'}; the dead letter is kept`, { code: verdict.code });
    }
    if (!(await this.dead.remove(messageId))) throw new BatonError('CONFLICT', `Dead letter ${messageId} was just retried or discarded by someone else`);
    await this.opts.store.setMessageStatus(messageId, 'pending');
    const now = this.now();
    const job: SendJob = {
      ...entry.job,
      humanAgentTag: verdict.humanAgentTag === true,
      attempts: 0,
      createdAt: now,
      firstFailureAt: undefined,
      inflightSince: undefined,
      unknownSince: undefined,
      lastCode: undefined,
      lastError: undefined,
    };
    const place = await this.schedule.enqueue(job, now + this.leaseMs);
    if (place === 1) return this.attempt(conversation, job);
    return (await this.opts.store.getMessage(messageId)) ?? this.missing(job);
  }

  /** Forgets a dead letter; the message stays failed on the transcript. */
  async discardDeadLetter(messageId: string): Promise<void> {
    if (!(await this.dead.remove(messageId))) throw new BatonError('NOT_FOUND', `No dead letter for message ${messageId}`);
  }

  // ---------------------------------------------------------------- sender actions

  /** Typing / read marks: best effort, never delays or fails a turn. */
  senderAction(conversation: Conversation, action: SenderAction, inReplyTo?: string): void {
    const sender = this.opts.senders[conversation.channel];
    if (!sender) return;
    sender.senderAction(conversation.customerAddress, action, inReplyTo).catch(() => undefined);
  }

  /**
   * A send the channel's window forbids: recorded on the transcript as refused (status failed, code
   * WINDOW_CLOSED, never sent), then thrown as WINDOW_CLOSED so the caller knows.
   */
  private async refuse(req: SendRequest, verdict: WindowVerdict): Promise<never> {
    const reason = verdict.reason ?? 'The channel does not allow this message now';
    const { message } = await this.opts.store.appendMessage(req.conversation, {
      direction: 'outbound',
      author: req.author,
      agentId: req.agentId,
      text: req.content.text,
      media: this.mediaItems(req),
      quickReplies: req.content.quickReplies,
      status: 'failed',
      errorCode: 'WINDOW_CLOSED',
      errorMessage: reason,
      meta: {
        ...req.meta,
        refused: true,
        ...(verdict.code ? { windowCode: verdict.code } : {}),
        ...(req.content.template ? { template: req.content.template.contentSid } : {}),
      },
    }, { fence: req.fence });
    if (req.idempotencyKey) {
      await this.rememberSend(req.conversation.id, req.idempotencyKey, message.id);
    }
    this.opts.logger.info('send refused: the channel window is closed', {
      channel: req.conversation.channel,
      author: req.author,
      conversationId: req.conversation.id,
      messageId: message.id,
      windowCode: verdict.code,
    });
    this.opts.onMessage?.(req.conversation, message);
    throw new BatonError('WINDOW_CLOSED', reason, {
      code: verdict.code,
      closesAt: verdict.closesAt,
      ...(verdict.humanAgentClosesAt ? { humanAgentClosesAt: verdict.humanAgentClosesAt } : {}),
      messageId: message.id,
    });
  }
}
