import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { ChannelName } from '../conversations/types';
import { CHANNELS } from '../conversations/types';
import { BatonError } from '../errors';
import type { AuditLog } from '../handoff/types';
import { newId } from '../inbox/ids';
import { parseJson } from '../inbox/redisLike';
import type { Logger } from '../logger';
import { isVipBy } from './isVip';
import { addressField, conversationMember, K, parseAddressField } from './keys';
import { normaliseAttribute, INDEXED_ATTRIBUTES } from './normalise';
import { phoneSiblings } from './phoneSiblings';
import { platformUserIdKind } from './platformUserIdKind';
import { claimIdentifiers, defineIdentityScripts, type IdentityRedis } from './scripts';
import type {
  AddressKind,
  Customer,
  CustomerAddress,
  CustomerConversationLink,
  CustomerForInput,
  MergeInput,
  Suggestion,
} from './types';

export interface CustomerStoreOptions {
  audit: AuditLog;
  clock?: () => number;
  logger?: Logger;
  /** Suggestions kept per customer (oldest are not replaced; new ones are dropped beyond it). */
  maxSuggestions?: number;
}

/** How many times a step that lost a race is tried again before giving up with CONFLICT. */
const RETRIES = 10;
/** Longest `mergedInto` chain followed (a longer one means corrupt data). */
const MAX_HOPS = 16;

const ATTR_PREFIX = 'a:';

function decodeCustomer(id: string, h: Record<string, string>): Customer | null {
  if (!h.createdAt) return null;
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (k.startsWith(ATTR_PREFIX)) attributes[k.slice(ATTR_PREFIX.length)] = v;
  return {
    id,
    ...(h.name ? { name: h.name } : {}),
    vip: h.vip === '1',
    attributes,
    createdAt: Number(h.createdAt),
    ...(h.mergedInto ? { mergedInto: h.mergedInto } : {}),
  };
}

const KIND_ORDER: Record<AddressKind, number> = { address: 0, bsuid: 1, platform_user_id: 2 };

/**
 * Customers in Redis. Every identifier (channel address, WaId, business-scoped user id) points at
 * exactly one customer; the atomic CLAIM script moves that pointer only when it still holds what
 * the caller read, so concurrent instances converge on one record instead of creating two.
 * Merged records stay, marked `mergedInto`, and every read follows the mark.
 */
export class RedisCustomerStore {
  private readonly r: IdentityRedis;
  private readonly now: () => number;
  private readonly maxSuggestions: number;

  constructor(
    redis: Redis,
    private readonly opts: CustomerStoreOptions,
  ) {
    this.r = defineIdentityScripts(redis);
    this.now = opts.clock ?? Date.now;
    this.maxSuggestions = opts.maxSuggestions ?? 50;
  }

  // ------------------------------------------------------------------ find or create

  /**
   * The customer writing from this address: found by the address or by the platform user id
   * (a WhatsApp user whose number is missing or changed), created when neither is known.
   * Both identifiers end up pointing at the returned customer.
   */
  async customerFor(input: CustomerForInput): Promise<Customer> {
    const { channel, address } = input;
    if (!CHANNELS.includes(channel)) throw new BatonError('BAD_REQUEST', `Unknown channel ${String(channel)}`);
    if (!address) throw new BatonError('BAD_REQUEST', 'A customer address is required');
    const puid = input.platformUserId && input.platformUserId !== address ? input.platformUserId : undefined;
    const puidKind = puid ? platformUserIdKind(puid) : undefined;
    const addrKey = K.identifier(channel, 'address', address);
    const addrField = addressField(channel, 'address', address);
    const puidKey = puid && puidKind ? K.identifier(channel, puidKind, puid) : undefined;
    const puidField = puid && puidKind ? addressField(channel, puidKind, puid) : '';

    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const [rawA, rawP] = puidKey ? await this.r.mget(addrKey, puidKey) : [await this.r.get(addrKey), null];
      const byPuid = rawP ? await this.get(rawP) : null;
      const byAddress = rawA ? await this.get(rawA) : null;
      // The platform user id wins over the address: numbers are recycled and change, the id is the person.
      let target: Customer | null = byPuid;
      if (!target && byAddress) {
        const recycled = puid && puidKind ? await this.hasOtherIdentifier(byAddress.id, channel, puidKind, puid) : false;
        target = recycled ? null : byAddress;
        if (recycled) this.opts.logger?.info('address now reported with another platform user: new customer record', { channel });
      }
      if (!target && !byAddress) target = await this.verifiedSibling(channel, address);
      const create = target === null;
      const id = target?.id ?? newId('cu');
      const now = this.now();
      const fields = create ? flat({ createdAt: now, vip: '0', name: input.name }) : [];
      const outcome = await claimIdentifiers(this.r, {
        customer: K.customer(id),
        addresses: K.addresses(id),
        id,
        create,
        slots: [
          { index: addrKey, field: addrField, verified: true, expected: rawA ?? '', previousOwnerAddresses: rawA ? K.addresses(rawA) : undefined },
          ...(puidKey ? [{ index: puidKey, field: puidField, verified: true, expected: rawP ?? '', previousOwnerAddresses: rawP ? K.addresses(rawP) : undefined }] : []),
        ],
        fields,
      });
      if (outcome !== 'ok') continue;
      if (!create && input.name && !target?.name) await this.r.hsetnx(K.customer(id), 'name', input.name);
      const customer = await this.get(id);
      if (customer) return customer;
    }
    throw new BatonError('CONFLICT', 'The customer record kept changing while it was looked up; try again');
  }

  /**
   * The customer already holding this phone number, verified, on the other WhatsApp door (Twilio ↔ Cloud API).
   * A number an agent attached by judgement (unverified) never pulls a new door's messages into that record.
   */
  private async verifiedSibling(channel: ChannelName, address: string): Promise<Customer | null> {
    for (const sibling of phoneSiblings(channel, address)) {
      const id = await this.r.get(K.identifier(sibling, 'address', address));
      if (!id) continue;
      const customer = await this.get(id);
      if (!customer) continue;
      const flag = await this.r.hget(K.addresses(customer.id), addressField(sibling, 'address', address));
      if (flag === '1') return customer;
    }
    return null;
  }

  /** True when the customer already holds another identifier of this kind on this channel (a recycled number). */
  private async hasOtherIdentifier(customerId: string, channel: string, kind: AddressKind, value: string): Promise<boolean> {
    const fields = await this.r.hkeys(K.addresses(customerId));
    return fields.some((f) => {
      const a = parseAddressField(f);
      return a !== null && a.channel === channel && a.kind === kind && a.address !== value;
    });
  }

  // ------------------------------------------------------------------ reads

  /** The customer, following `mergedInto` to the record that holds it now. */
  async get(id: string): Promise<Customer | null> {
    let current = id;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const c = await this.getRecord(current);
      if (!c) return null;
      if (!c.mergedInto) return c;
      current = c.mergedInto;
    }
    this.opts.logger?.error('customer merge chain too long', { customerId: id });
    return null;
  }

  /** The record itself, merged or not (no following). */
  async getRecord(id: string): Promise<Customer | null> {
    return decodeCustomer(id, await this.r.hgetall(K.customer(id)));
  }

  async findByIdentifier(channel: string, kind: AddressKind, value: string): Promise<Customer | null> {
    const id = await this.r.get(K.identifier(channel, kind, value));
    return id ? this.get(id) : null;
  }

  /** The customer a channel address belongs to. */
  async findByAddress(channel: string, address: string): Promise<Customer | null> {
    return this.findByIdentifier(channel, 'address', address);
  }

  /** Customers whose indexed attribute (email, phone) has this value. */
  async findByAttribute(key: string, value: string): Promise<Customer[]> {
    const normalised = normaliseAttribute(key, value);
    if (normalised === null) return [];
    const ids = await this.r.smembers(K.attribute(key, normalised));
    const found = await Promise.all(ids.map((id) => this.get(id)));
    const unique = new Map<string, Customer>();
    for (const c of found) if (c && c.attributes[key] !== undefined && normaliseAttribute(key, c.attributes[key]) === normalised) unique.set(c.id, c);
    return [...unique.values()];
  }

  async addresses(customerId: string): Promise<CustomerAddress[]> {
    const c = await this.get(customerId);
    if (!c) return [];
    const h = await this.r.hgetall(K.addresses(c.id));
    const out: CustomerAddress[] = [];
    for (const [field, flag] of Object.entries(h)) {
      const a = parseAddressField(field);
      if (!a || !CHANNELS.includes(a.channel as ChannelName)) continue;
      out.push({ channel: a.channel as ChannelName, address: a.address, kind: a.kind, verified: flag === '1' });
    }
    return out.sort(
      (x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.channel.localeCompare(y.channel) || x.address.localeCompare(y.address),
    );
  }

  // ------------------------------------------------------------------ conversations

  /** Records that a conversation belongs to the customer (or to the record it was merged into). */
  async attachConversation(customerId: string, conversationId: string, channel: string, at: number): Promise<void> {
    await this.attachMembers(customerId, [conversationMember(channel, conversationId), String(at)]);
  }

  private async attachMembers(customerId: string, pairs: string[]): Promise<string> {
    let id = customerId;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const outcome = await this.r.identityAttach(K.customer(id), K.conversations(id), ...pairs);
      if (outcome === 'ok') return id;
      if (outcome === 'missing') throw new BatonError('NOT_FOUND', `No customer ${customerId}`);
      id = outcome.slice('moved:'.length);
    }
    throw new BatonError('CONFLICT', `Customer ${customerId} has a merge chain too long to follow`);
  }

  /** Every conversation on every linked address, newest first. */
  async conversations(customerId: string): Promise<CustomerConversationLink[]> {
    const c = await this.get(customerId);
    if (!c) return [];
    const flatList = await this.r.zrevrange(K.conversations(c.id), 0, -1, 'WITHSCORES');
    const out: CustomerConversationLink[] = [];
    for (let i = 0; i + 1 < flatList.length; i += 2) {
      const member = flatList[i]!;
      const bar = member.indexOf('|');
      if (bar < 0) continue;
      out.push({ channel: member.slice(0, bar) as ChannelName, conversationId: member.slice(bar + 1), startedAt: Number(flatList[i + 1]) });
    }
    return out;
  }

  // ------------------------------------------------------------------ agent edits

  async update(customerId: string, patch: { vip?: boolean; name?: string }, actor: string): Promise<Customer> {
    const c = await this.get(customerId);
    if (!c) throw new BatonError('NOT_FOUND', `No customer ${customerId}`);
    const fields = flat({ vip: patch.vip === undefined ? undefined : patch.vip ? '1' : '0', name: patch.name });
    if (fields.length) await this.r.hset(K.customer(c.id), ...fields);
    await this.opts.audit.record({ actor, action: 'identity.customer.update', target: c.id, details: { ...patch } });
    return (await this.get(c.id))!;
  }

  async setVip(customerId: string, vip: boolean, actor: string): Promise<Customer> {
    return this.update(customerId, { vip }, actor);
  }

  /** Sets one attribute; `email` and `phone` are indexed so typed contacts can be matched. */
  async setAttribute(customerId: string, key: string, value: string, actor: string): Promise<Customer> {
    const c = await this.get(customerId);
    if (!c) throw new BatonError('NOT_FOUND', `No customer ${customerId}`);
    const previous = c.attributes[key];
    await this.r.hset(K.customer(c.id), ATTR_PREFIX + key, value);
    if (INDEXED_ATTRIBUTES.includes(key)) {
      const old = previous === undefined ? null : normaliseAttribute(key, previous);
      const next = normaliseAttribute(key, value);
      if (old !== null && old !== next) await this.r.srem(K.attribute(key, old), c.id);
      if (next !== null) await this.r.sadd(K.attribute(key, next), c.id);
    }
    await this.opts.audit.record({ actor, action: 'identity.customer.attribute', target: c.id, details: { key } });
    return (await this.get(c.id))!;
  }

  /** VIP by flag, or because the list names the customer id or one of its addresses (`whatsapp:+9198…`). */
  async isVip(customer: Customer | string, vipList: readonly string[]): Promise<boolean> {
    const c = typeof customer === 'string' ? await this.get(customer) : customer;
    if (!c) return false;
    if (c.vip) return true;
    if (vipList.length === 0) return false;
    return isVipBy(c.id, await this.addresses(c.id), vipList);
  }

  // ------------------------------------------------------------------ linking

  /**
   * Points an identifier at this customer (moving it from whoever held it) and lists it with the
   * given verification. Used after a verified code; callers merge the previous owner first.
   */
  async linkAddress(customerId: string, a: { channel: ChannelName; address: string; kind: AddressKind; verified: boolean }): Promise<Customer> {
    const key = K.identifier(a.channel, a.kind, a.address);
    const field = addressField(a.channel, a.kind, a.address);
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const target = await this.get(customerId);
      if (!target) throw new BatonError('NOT_FOUND', `No customer ${customerId}`);
      const current = (await this.r.get(key)) ?? '';
      const outcome = await claimIdentifiers(this.r, {
        customer: K.customer(target.id),
        addresses: K.addresses(target.id),
        id: target.id,
        create: false,
        slots: [{ index: key, field, verified: a.verified, expected: current, previousOwnerAddresses: current ? K.addresses(current) : undefined }],
      });
      if (outcome === 'ok') return target;
    }
    throw new BatonError('CONFLICT', 'The address kept changing owner while it was linked; try again');
  }

  /**
   * Folds `sourceId` into `targetId`: addresses, conversation links, suggestions, name/VIP/attributes
   * the target lacks. Addresses moved by an agent's judgement are listed as unverified unless
   * `keepVerified` (a verified code caused the merge). Audited as `identity.merge`.
   */
  async merge(input: MergeInput, opts: { keepVerified?: boolean } = {}): Promise<Customer> {
    const { targetId, sourceId, actor } = input;
    if (targetId === sourceId) throw new BatonError('CONFLICT', 'A customer cannot be merged into itself');
    const now = this.now();
    const marked = await this.r.identityMarkMerged(K.customer(sourceId), K.customer(targetId), targetId, String(now));
    switch (marked) {
      case 'ok':
        break;
      case 'missing_source':
        throw new BatonError('NOT_FOUND', `No customer ${sourceId}`);
      case 'missing_target':
        throw new BatonError('NOT_FOUND', `No customer ${targetId}`);
      case 'source_merged': {
        const into = (await this.getRecord(sourceId))?.mergedInto;
        throw new BatonError('CONFLICT', `Customer ${sourceId} was already merged into ${into ?? 'another customer'}`);
      }
      default: {
        const into = (await this.getRecord(targetId))?.mergedInto;
        throw new BatonError('CONFLICT', `Customer ${targetId} was merged into ${into ?? 'another customer'}; merge into that one`);
      }
    }
    // From here on every reader follows source → target; the rest moves the data behind it.
    const moved = await this.moveContents(sourceId, opts.keepVerified === true);
    await this.opts.audit.record({
      actor,
      action: 'identity.merge',
      target: targetId,
      at: now,
      details: { targetId, sourceId, ...(input.reason ? { reason: input.reason } : {}), ...moved },
    });
    const result = await this.get(targetId);
    if (!result) throw new BatonError('NOT_FOUND', `No customer ${targetId}`);
    return result;
  }

  private async moveContents(sourceId: string, keepVerified: boolean): Promise<{ addresses: number; conversations: number }> {
    const source = await this.getRecord(sourceId);
    const target = await this.get(sourceId);
    if (!source || !target) return { addresses: 0, conversations: 0 };

    if (source.name) await this.r.hsetnx(K.customer(target.id), 'name', source.name);
    if (source.vip) await this.r.hset(K.customer(target.id), 'vip', '1');
    for (const [k, v] of Object.entries(source.attributes)) await this.r.hsetnx(K.customer(target.id), ATTR_PREFIX + k, v);

    let addresses = 0;
    const fields = await this.r.hgetall(K.addresses(sourceId));
    for (const [field, flag] of Object.entries(fields)) {
      const a = parseAddressField(field);
      if (!a) continue;
      if (await this.moveIdentifier(sourceId, a, field, keepVerified ? flag : '0')) addresses++;
    }
    await this.r.del(K.addresses(sourceId));

    const convs = await this.r.zrange(K.conversations(sourceId), 0, -1, 'WITHSCORES');
    const pairs: string[] = [];
    for (let i = 0; i + 1 < convs.length; i += 2) pairs.push(convs[i]!, convs[i + 1]!);
    if (pairs.length) await this.attachMembers(target.id, pairs);
    await this.r.del(K.conversations(sourceId));

    await this.moveSuggestions(sourceId, target.id);
    return { addresses, conversations: pairs.length / 2 };
  }

  /** Moves one identifier from the (merged) source to where the source now resolves. */
  private async moveIdentifier(sourceId: string, a: { channel: string; kind: AddressKind; address: string }, field: string, flag: string): Promise<boolean> {
    const key = K.identifier(a.channel, a.kind, a.address);
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      if ((await this.r.get(key)) !== sourceId) return false; // someone else holds it now
      const target = await this.get(sourceId);
      if (!target) return false;
      const outcome = await claimIdentifiers(this.r, {
        customer: K.customer(target.id),
        addresses: K.addresses(target.id),
        id: target.id,
        create: false,
        slots: [{ index: key, field, verified: flag === '1', expected: sourceId, previousOwnerAddresses: K.addresses(sourceId) }],
      });
      if (outcome === 'ok') return true;
    }
    throw new BatonError('CONFLICT', `Could not move an address of ${sourceId}; the merge is marked, run it again to finish`);
  }

  private async moveSuggestions(sourceId: string, targetId: string): Promise<void> {
    const theirs = await this.r.hgetall(K.suggestions(sourceId));
    for (const [sid, json] of Object.entries(theirs)) {
      const s = parseJson<Suggestion>(json);
      if (!s || s.otherCustomerId === targetId || s.otherCustomerId === sourceId) continue;
      await this.r.hsetnx(K.suggestions(targetId), sid, json);
    }
    const dismissed = await this.r.smembers(K.dismissed(sourceId));
    if (dismissed.length) await this.r.sadd(K.dismissed(targetId), ...dismissed);
    await this.r.del(K.suggestions(sourceId), K.dismissed(sourceId));
  }

  // ------------------------------------------------------------------ suggestions

  /** Stores a suggestion unless the same one exists, was dismissed, or the list is full. */
  async addSuggestion(customerId: string, s: Omit<Suggestion, 'id' | 'at'>): Promise<Suggestion | null> {
    const c = await this.get(customerId);
    if (!c) throw new BatonError('NOT_FOUND', `No customer ${customerId}`);
    const id = suggestionId(s.otherCustomerId, s.channel, s.address);
    if (await this.r.sismember(K.dismissed(c.id), id)) return null;
    if ((await this.r.hlen(K.suggestions(c.id))) >= this.maxSuggestions) return null;
    const suggestion: Suggestion = { id, ...s, at: this.now() };
    const added = await this.r.hsetnx(K.suggestions(c.id), id, JSON.stringify(suggestion));
    if (added) return suggestion;
    return parseJson<Suggestion>(await this.r.hget(K.suggestions(c.id), id)) ?? null;
  }

  /** Open suggestions, newest first; those already merged into this customer are left out. */
  async suggestions(customerId: string): Promise<Suggestion[]> {
    const c = await this.get(customerId);
    if (!c) return [];
    const all = Object.values(await this.r.hgetall(K.suggestions(c.id)))
      .map((json) => parseJson<Suggestion>(json))
      .filter((s): s is Suggestion => s !== undefined);
    const open: Suggestion[] = [];
    for (const s of all) {
      const other = await this.get(s.otherCustomerId);
      if (other && other.id !== c.id) open.push(s);
    }
    return open.sort((x, y) => y.at - x.at);
  }

  /** Removes a suggestion for good; false when there was no such suggestion. */
  async dismissSuggestion(customerId: string, suggestionIdToDismiss: string, actor = 'system'): Promise<boolean> {
    const c = await this.get(customerId);
    if (!c) return false;
    const removed = await this.r.hdel(K.suggestions(c.id), suggestionIdToDismiss);
    if (!removed) return false;
    await this.r.sadd(K.dismissed(c.id), suggestionIdToDismiss);
    await this.opts.audit.record({ actor, action: 'identity.suggestion.dismiss', target: c.id, details: { suggestionId: suggestionIdToDismiss } });
    return true;
  }
}

/** Stable id, so the same hint typed twice is one suggestion (and stays dismissed). */
export function suggestionId(otherCustomerId: string, channel: string, address: string): string {
  return `sg_${createHash('sha256').update(`${otherCustomerId}|${channel}|${address}`).digest('hex').slice(0, 16)}`;
}

function flat(obj: Record<string, string | number | undefined>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out.push(k, String(v));
  return out;
}
