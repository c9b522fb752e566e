import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type Redis from 'ioredis';
import type { ChannelName } from '../conversations/types';
import { CHANNELS } from '../conversations/types';
import { BatonError, isBatonError } from '../errors';
import type { AuditLog } from '../handoff/types';
import { newId } from '../inbox/ids';
import type { Logger } from '../logger';
import { findCode } from './findCode';
import { K } from './keys';
import type { RedisCustomerStore } from './redisCustomerStore';
import { defineIdentityScripts, type IdentityRedis } from './scripts';

/** Sends the code to the address being claimed (the lead wires it to the outbound sender). */
export type SendCode = (channel: ChannelName, address: string, code: string, lang: string) => Promise<void>;

export interface LinkVerificationOptions {
  redis: Redis;
  store: RedisCustomerStore;
  audit: AuditLog;
  sendCode: SendCode;
  clock?: () => number;
  /** How long a code is valid (default 10 minutes). */
  ttlMs?: number;
  /** Wrong codes allowed before the verification locks (default 5). */
  maxAttempts?: number;
  /** A server-side secret mixed into the stored hash, so a copy of Redis alone cannot test codes. */
  pepper?: string;
  logger?: Logger;
}

export interface StartVerificationInput {
  customerId: string;
  /** Where the customer is talking now: the code must be typed back here. */
  fromChannel: ChannelName;
  fromAddress: string;
  /** The address they say is theirs: the code is sent there. */
  targetChannel: ChannelName;
  targetAddress: string;
  /** The agent who started it. */
  actor: string;
  /** Language of the code message (default en). */
  lang?: string;
}

export type ConfirmOutcome =
  | { outcome: 'linked'; customerId: string }
  | { outcome: 'wrong_code'; attemptsLeft: number }
  | { outcome: 'locked' }
  | { outcome: 'none' };

interface Pending {
  id: string;
  customerId: string;
  fromChannel: ChannelName;
  fromAddress: string;
  targetChannel: ChannelName;
  targetAddress: string;
  codeHash: string;
  salt: string;
  expiresAt: number;
  actor: string;
}

function decodePending(h: Record<string, string>): Pending | null {
  const { id, customerId, fromChannel, fromAddress, targetChannel, targetAddress, codeHash, salt, expiresAt, actor } = h;
  if (!id || !customerId || !fromAddress || !targetAddress || !codeHash || !salt || !expiresAt) return null;
  if (!CHANNELS.includes(fromChannel as ChannelName) || !CHANNELS.includes(targetChannel as ChannelName)) return null;
  return {
    id,
    customerId,
    fromChannel: fromChannel as ChannelName,
    fromAddress,
    targetChannel: targetChannel as ChannelName,
    targetAddress,
    codeHash,
    salt,
    expiresAt: Number(expiresAt),
    actor: actor ?? 'system',
  };
}

/** Digit runs that could be phone numbers, taken out of error texts before they reach a log. */
function withoutNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s-]{5,}\d/g, '[number]');
}

/**
 * Linking two addresses on a verified fact: the code goes to the address the customer claims,
 * and only typing it back where they are talking now proves both are theirs. Only a salted hash
 * of the code is stored; it expires, allows a few attempts, and works once.
 */
export class LinkVerification {
  private readonly r: IdentityRedis;
  private readonly now: () => number;
  readonly ttlMs: number;
  readonly maxAttempts: number;

  constructor(private readonly opts: LinkVerificationOptions) {
    this.r = defineIdentityScripts(opts.redis);
    this.now = opts.clock ?? Date.now;
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.maxAttempts = opts.maxAttempts ?? 5;
  }

  private hash(code: string, salt: string): Buffer {
    return createHash('sha256')
      .update(`${this.opts.pepper ?? ''}:${salt}:${code}`)
      .digest();
  }

  /** Sends a new code to the target; a verification already waiting at `from` is replaced. */
  async start(input: StartVerificationInput): Promise<{ verificationId: string; expiresAt: number }> {
    const { store } = this.opts;
    const customer = await store.get(input.customerId);
    if (!customer) throw new BatonError('NOT_FOUND', `No customer ${input.customerId}`);
    if (input.fromChannel === input.targetChannel && input.fromAddress === input.targetAddress) {
      throw new BatonError('BAD_REQUEST', 'The address to link is the one the customer is writing from');
    }
    const fromOwner = await store.findByAddress(input.fromChannel, input.fromAddress);
    if (!fromOwner || fromOwner.id !== customer.id) {
      throw new BatonError('BAD_REQUEST', `The code must be typed back from one of this customer's own addresses; that ${input.fromChannel} address is not theirs`);
    }
    const already = (await store.addresses(customer.id)).find(
      (a) => a.kind === 'address' && a.channel === input.targetChannel && a.address === input.targetAddress,
    );
    if (already?.verified) throw new BatonError('CONFLICT', `That ${input.targetChannel} address is already linked to this customer`);

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const verificationId = newId('ver');
    const expiresAt = this.now() + this.ttlMs;
    const key = K.pendingVerification(input.fromChannel, input.fromAddress);
    await this.r
      .multi()
      .del(key)
      .hset(key, {
        id: verificationId,
        customerId: customer.id,
        fromChannel: input.fromChannel,
        fromAddress: input.fromAddress,
        targetChannel: input.targetChannel,
        targetAddress: input.targetAddress,
        codeHash: this.hash(code, salt).toString('hex'),
        salt,
        attempts: '0',
        expiresAt: String(expiresAt),
        actor: input.actor,
      })
      .pexpire(key, this.ttlMs)
      .exec();

    try {
      await this.opts.sendCode(input.targetChannel, input.targetAddress, code, input.lang ?? 'en');
    } catch (err) {
      await this.r.identityConsume(key, verificationId);
      throw this.sendFailure(err, input.targetChannel);
    }
    await this.opts.audit.record({
      actor: input.actor,
      action: 'identity.link.started',
      target: customer.id,
      details: { verificationId, fromChannel: input.fromChannel, targetChannel: input.targetChannel, targetAddress: input.targetAddress },
    });
    this.opts.logger?.info('link verification code sent', { customerId: customer.id, verificationId, channel: input.targetChannel });
    return { verificationId, expiresAt };
  }

  private sendFailure(err: unknown, channel: ChannelName): BatonError {
    const reason = withoutNumbers(err instanceof Error ? err.message : String(err));
    const hint =
      channel === 'whatsapp'
        ? ' A WhatsApp number that has not written to us in the last 24 hours can only receive an approved template: configure one for verification codes, or ask the customer to write to us on WhatsApp first.'
        : '';
    const message = `The verification code could not be sent on ${channel}: ${reason}.${hint}`;
    if (isBatonError(err) && (err.code === 'WINDOW_CLOSED' || err.code === 'TEMPLATE_UNKNOWN')) return new BatonError(err.code, message);
    return new BatonError('SEND_FAILED', message);
  }

  /**
   * For every inbound customer message: if a verification waits at this address and the message
   * is a 6-digit code, check it. 'none' means "not a code attempt; handle the message as usual".
   */
  async tryConfirm(input: { channel: string; address: string; text: string }): Promise<ConfirmOutcome> {
    const code = findCode(input.text);
    if (code === null) return { outcome: 'none' };
    const key = K.pendingVerification(input.channel, input.address);
    const pending = decodePending(await this.r.hgetall(key));
    if (!pending) return { outcome: 'none' };
    if (pending.expiresAt <= this.now()) {
      await this.r.identityConsume(key, pending.id);
      return { outcome: 'none' };
    }
    const used = await this.r.identityReserveAttempt(key, pending.id, String(this.maxAttempts));
    if (used === -1) return { outcome: 'none' };
    if (used === -2) return { outcome: 'locked' };

    const expected = Buffer.from(pending.codeHash, 'hex');
    const given = this.hash(code, pending.salt);
    const matches = expected.length === given.length && timingSafeEqual(expected, given);
    if (!matches) {
      const attemptsLeft = this.maxAttempts - used;
      if (attemptsLeft > 0) return { outcome: 'wrong_code', attemptsLeft };
      await this.opts.audit.record({ actor: 'customer', action: 'identity.link.locked', target: pending.customerId, details: { verificationId: pending.id } });
      return { outcome: 'locked' };
    }
    if ((await this.r.identityConsume(key, pending.id)) !== 1) return { outcome: 'none' };
    const customerId = await this.link(pending);
    return customerId ? { outcome: 'linked', customerId } : { outcome: 'none' };
  }

  /** Links the target address as verified, folding the record it belonged to into this customer. */
  private async link(p: Pending): Promise<string | null> {
    const { store } = this.opts;
    const customer = await store.get(p.customerId);
    const writer = await store.findByAddress(p.fromChannel, p.fromAddress);
    if (!customer || !writer || writer.id !== customer.id) {
      // The address the code was typed at no longer belongs to the customer it was sent for.
      this.opts.logger?.warn('link verification dropped: the writing address changed owner', { verificationId: p.id });
      return null;
    }
    const previousOwner = await store.findByAddress(p.targetChannel, p.targetAddress);
    let mergedCustomerId: string | undefined;
    if (previousOwner && previousOwner.id !== customer.id) {
      await store.merge({ targetId: customer.id, sourceId: previousOwner.id, actor: 'customer', reason: 'verified one-time code' }, { keepVerified: true });
      mergedCustomerId = previousOwner.id;
    }
    const linked = await store.linkAddress(customer.id, { channel: p.targetChannel, address: p.targetAddress, kind: 'address', verified: true });
    await this.opts.audit.record({
      actor: 'customer',
      action: 'identity.link.verified',
      target: linked.id,
      details: {
        verificationId: p.id,
        startedBy: p.actor,
        fromChannel: p.fromChannel,
        targetChannel: p.targetChannel,
        targetAddress: p.targetAddress,
        ...(mergedCustomerId ? { mergedCustomerId } : {}),
      },
    });
    this.opts.logger?.info('accounts linked by verified code', { customerId: linked.id, verificationId: p.id, channel: p.targetChannel });
    return linked.id;
  }
}
