import { BatonError } from '../../../../src/errors';
import { K } from '../../../../src/identity/keys';
import { suggestLinks } from '../../../../src/identity/suggestLinks';
import { identityOn, PSID, PSID_OTHER, WA, WA_OTHER, type MakeRedisPair, type RedisPair } from '../support';

/** The customer store's behaviour, run on ioredis-mock (unit) and on a real Redis (integration). */
export function customerStoreContract(makePair: MakeRedisPair): void {
  let pair: RedisPair;
  let id: ReturnType<typeof identityOn>;

  beforeEach(async () => {
    pair = await makePair();
    id = identityOn(pair.a);
  });
  afterEach(async () => {
    await pair.close();
  });

  describe('one number on both WhatsApp doors (Twilio and the Cloud API)', () => {
    it('a Cloud API message from a number held verified through Twilio is the same customer', async () => {
      const viaTwilio = await id.store.customerFor({ channel: 'whatsapp', address: WA, platformUserId: '919812345678' });
      const viaCloud = await id.store.customerFor({ channel: 'whatsapp_cloud', address: WA, platformUserId: '919812345678' });
      expect(viaCloud.id).toBe(viaTwilio.id);
      expect(await id.store.addresses(viaTwilio.id)).toEqual(
        expect.arrayContaining([
          { channel: 'whatsapp', address: WA, kind: 'address', verified: true },
          { channel: 'whatsapp_cloud', address: WA, kind: 'address', verified: true },
        ]),
      );
    });

    it('a Twilio message from a number first seen on the Cloud API is the same customer', async () => {
      const viaCloud = await id.store.customerFor({ channel: 'whatsapp_cloud', address: WA });
      const viaTwilio = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      expect(viaTwilio.id).toBe(viaCloud.id);
    });

    it('another number on the other door is another customer', async () => {
      const viaTwilio = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      const viaCloud = await id.store.customerFor({ channel: 'whatsapp_cloud', address: WA_OTHER });
      expect(viaCloud.id).not.toBe(viaTwilio.id);
    });

    it('a number an agent attached by judgement (unverified) does not pull the other door into that record', async () => {
      const messengerCustomer = await id.store.customerFor({ channel: 'messenger', address: PSID });
      const whatsappCustomer = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      await id.store.merge({ targetId: messengerCustomer.id, sourceId: whatsappCustomer.id, actor: 'ag_1', reason: 'looked alike' });
      const held = await id.store.addresses(messengerCustomer.id);
      expect(held).toContainEqual({ channel: 'whatsapp', address: WA, kind: 'address', verified: false });

      const viaCloud = await id.store.customerFor({ channel: 'whatsapp_cloud', address: WA });
      expect(viaCloud.id).not.toBe(messengerCustomer.id);
    });
  });

  describe('customerFor', () => {
    it('creates a customer for a new address and finds the same one next time', async () => {
      const first = await id.store.customerFor({ channel: 'messenger', address: PSID, name: 'Asha' });
      const again = await id.store.customerFor({ channel: 'messenger', address: PSID });
      expect(again.id).toBe(first.id);
      expect(again.name).toBe('Asha');
      expect(await id.store.addresses(first.id)).toEqual([{ channel: 'messenger', address: PSID, kind: 'address', verified: true }]);
    });

    it('gives the same address on another channel its own customer', async () => {
      const messenger = await id.store.customerFor({ channel: 'messenger', address: 'same-id' });
      const sandbox = await id.store.customerFor({ channel: 'sandbox', address: 'same-id' });
      expect(sandbox.id).not.toBe(messenger.id);
    });

    it('yields one customer when two instances race to create it', async () => {
      const other = identityOn(pair.b);
      const calls = Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? id.store : other.store).customerFor({ channel: 'whatsapp', address: WA, platformUserId: '919812345678' }),
      );
      const customers = await Promise.all(calls);
      expect(new Set(customers.map((c) => c.id)).size).toBe(1);
      const pattern = `${pair.prefix}${K.customer('cu_')}*`;
      const keys = pair.keys ? await pair.keys(pattern) : await pair.a.keys(pattern);
      expect(keys.filter((k) => /cu_[^:]+$/.test(k))).toHaveLength(1);
    });

    it('finds a WhatsApp customer by the platform user id when the phone number is missing', async () => {
      const before = await id.store.customerFor({ channel: 'whatsapp', address: WA, platformUserId: 'US.13491208655302741918' });
      // A username adopter: the webhook carries only the business-scoped user id.
      const later = await id.store.customerFor({ channel: 'whatsapp', address: 'whatsapp:US.13491208655302741918', platformUserId: 'US.13491208655302741918' });
      expect(later.id).toBe(before.id);
      const addresses = await id.store.addresses(before.id);
      expect(addresses).toEqual(
        expect.arrayContaining([
          { channel: 'whatsapp', address: WA, kind: 'address', verified: true },
          { channel: 'whatsapp', address: 'whatsapp:US.13491208655302741918', kind: 'address', verified: true },
          { channel: 'whatsapp', address: 'US.13491208655302741918', kind: 'bsuid', verified: true },
        ]),
      );
    });

    it('finds the customer by the platform user id after the number changed', async () => {
      const before = await id.store.customerFor({ channel: 'whatsapp', address: WA, platformUserId: 'IN.98765abc' });
      const after = await id.store.customerFor({ channel: 'whatsapp', address: WA_OTHER, platformUserId: 'IN.98765abc' });
      expect(after.id).toBe(before.id);
    });

    it('gives a recycled number reported with another business-scoped user id a new customer', async () => {
      const oldOwner = await id.store.customerFor({ channel: 'whatsapp', address: WA, platformUserId: 'IN.oldowner1' });
      const newOwner = await id.store.customerFor({ channel: 'whatsapp', address: WA, platformUserId: 'IN.newowner2' });
      expect(newOwner.id).not.toBe(oldOwner.id);
      expect((await id.store.findByAddress('whatsapp', WA))?.id).toBe(newOwner.id);
      expect((await id.store.addresses(oldOwner.id)).map((a) => a.address)).toEqual(['IN.oldowner1']);
    });

    it('keys nothing on the number alone: the same number with its WaId finds the customer made without one', async () => {
      const first = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      const second = await id.store.customerFor({ channel: 'whatsapp', address: WA, platformUserId: '919812345678' });
      expect(second.id).toBe(first.id);
      expect((await id.store.findByIdentifier('whatsapp', 'platform_user_id', '919812345678'))?.id).toBe(first.id);
    });
  });

  describe('conversations', () => {
    it('lists every linked conversation with its channel, newest first', async () => {
      const c = await id.store.customerFor({ channel: 'messenger', address: PSID });
      await id.store.attachConversation(c.id, 'c_one', 'messenger', 1000);
      await id.store.attachConversation(c.id, 'c_two', 'messenger', 2000);
      await id.store.attachConversation(c.id, 'c_one', 'messenger', 3000);
      expect(await id.store.conversations(c.id)).toEqual([
        { conversationId: 'c_two', channel: 'messenger', startedAt: 2000 },
        { conversationId: 'c_one', channel: 'messenger', startedAt: 1000 },
      ]);
    });

    it('refuses to attach a conversation to an unknown customer', async () => {
      await expect(id.store.attachConversation('cu_nobody', 'c_x', 'sandbox', 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('merge', () => {
    async function twoCustomers() {
      const target = await id.store.customerFor({ channel: 'messenger', address: PSID, name: 'Asha' });
      const source = await id.store.customerFor({ channel: 'whatsapp', address: WA, name: 'Asha K', platformUserId: '919812345678' });
      await id.store.attachConversation(target.id, 'c_m', 'messenger', 1000);
      await id.store.attachConversation(source.id, 'c_w', 'whatsapp', 2000);
      return { target, source };
    }

    it('moves addresses and conversations to the target and marks the source merged', async () => {
      const { target, source } = await twoCustomers();
      const merged = await id.store.merge({ targetId: target.id, sourceId: source.id, actor: 'ag_1', reason: 'same person on a call' });
      expect(merged.id).toBe(target.id);
      expect(merged.name).toBe('Asha');
      expect((await id.store.conversations(target.id)).map((c) => c.conversationId)).toEqual(['c_w', 'c_m']);
      expect((await id.store.getRecord(source.id))?.mergedInto).toBe(target.id);
      expect((await id.store.get(source.id))?.id).toBe(target.id);
    });

    it("lists addresses an agent merged as unverified", async () => {
      const { target, source } = await twoCustomers();
      await id.store.merge({ targetId: target.id, sourceId: source.id, actor: 'ag_1' });
      const wa = (await id.store.addresses(target.id)).find((a) => a.address === WA);
      expect(wa).toEqual({ channel: 'whatsapp', address: WA, kind: 'address', verified: false });
    });

    it('is audited with both ids and the actor', async () => {
      const { target, source } = await twoCustomers();
      await id.store.merge({ targetId: target.id, sourceId: source.id, actor: 'ag_1', reason: 'same person on a call' });
      const [entry] = await id.audit.list({ target: target.id });
      expect(entry).toMatchObject({
        actor: 'ag_1',
        action: 'identity.merge',
        target: target.id,
        details: { targetId: target.id, sourceId: source.id, reason: 'same person on a call' },
      });
    });

    it("sends the source's addresses to the target from then on", async () => {
      const { target, source } = await twoCustomers();
      await id.store.merge({ targetId: target.id, sourceId: source.id, actor: 'ag_1' });
      expect((await id.store.customerFor({ channel: 'whatsapp', address: WA })).id).toBe(target.id);
      await id.store.attachConversation(source.id, 'c_late', 'whatsapp', 5000);
      expect((await id.store.conversations(target.id))[0]?.conversationId).toBe('c_late');
    });

    it('refuses to merge a customer into itself', async () => {
      const { target } = await twoCustomers();
      const err = await id.store.merge({ targetId: target.id, sourceId: target.id, actor: 'ag_1' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BatonError);
      expect(err).toMatchObject({ code: 'CONFLICT' });
    });

    it('refuses to merge a record that is already merged, either way round', async () => {
      const { target, source } = await twoCustomers();
      const third = await id.store.customerFor({ channel: 'sandbox', address: 'tester' });
      await id.store.merge({ targetId: target.id, sourceId: source.id, actor: 'ag_1' });
      await expect(id.store.merge({ targetId: third.id, sourceId: source.id, actor: 'ag_1' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(id.store.merge({ targetId: source.id, sourceId: third.id, actor: 'ag_1' })).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('answers NOT_FOUND for an unknown source', async () => {
      const { target } = await twoCustomers();
      await expect(id.store.merge({ targetId: target.id, sourceId: 'cu_nobody', actor: 'ag_1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lets only one of two opposite merges racing on two instances win', async () => {
      const { target, source } = await twoCustomers();
      const other = identityOn(pair.b);
      const results = await Promise.allSettled([
        id.store.merge({ targetId: target.id, sourceId: source.id, actor: 'ag_1' }),
        other.store.merge({ targetId: source.id, sourceId: target.id, actor: 'ag_2' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const survivor = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: string }>).value.id;
      expect((await id.store.get(target.id))?.id).toBe(survivor);
      expect((await id.store.get(source.id))?.id).toBe(survivor);
      expect(await id.store.conversations(survivor)).toHaveLength(2);
    });
  });

  describe('VIP', () => {
    it('is VIP when flagged by an admin, and the change is audited', async () => {
      const c = await id.store.customerFor({ channel: 'messenger', address: PSID });
      expect(await id.store.isVip(c, [])).toBe(false);
      await id.store.setVip(c.id, true, 'ad_1');
      expect(await id.store.isVip(c.id, [])).toBe(true);
      expect((await id.audit.list({ target: c.id }))[0]).toMatchObject({ actor: 'ad_1', action: 'identity.customer.update', details: { vip: true } });
    });

    it('is VIP when the configured list names its id or one of its addresses', async () => {
      const c = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      expect(await id.store.isVip(c, [c.id])).toBe(true);
      expect(await id.store.isVip(c, [WA])).toBe(true);
      expect(await id.store.isVip(c, [WA_OTHER])).toBe(false);
    });
  });

  describe('suggestions from typed contact details', () => {
    it('suggests, and never merges, when the customer types a number that belongs to another customer', async () => {
      const onMessenger = await id.store.customerFor({ channel: 'messenger', address: PSID });
      const onWhatsapp = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      const found = await suggestLinks(id.store, onMessenger.id, 'my whatsapp is 98123 45678 please check', { channel: 'messenger' });
      expect(found).toEqual([
        expect.objectContaining({ channel: 'whatsapp', address: WA, otherCustomerId: onWhatsapp.id, evidence: 'customer typed 9812345678 on messenger' }),
      ]);
      expect((await id.store.get(onWhatsapp.id))?.id).toBe(onWhatsapp.id);
      expect((await id.store.addresses(onMessenger.id)).map((a) => a.channel)).toEqual(['messenger']);
      expect(await id.store.suggestions(onMessenger.id)).toHaveLength(1);
    });

    it('suggests nothing for the customer’s own number or a number nobody has', async () => {
      const c = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      expect(await suggestLinks(id.store, c.id, 'call me on +91 98123 45678 or 0300 1234567')).toEqual([]);
    });

    it('matches an e-mail typed in a message against other customers’ e-mail attributes', async () => {
      const known = await id.store.customerFor({ channel: 'sandbox', address: 'web-1' });
      await id.store.setAttribute(known.id, 'email', 'Asha@Example.com', 'ag_1');
      const asking = await id.store.customerFor({ channel: 'messenger', address: PSID_OTHER });
      const found = await suggestLinks(id.store, asking.id, 'mera email asha@example.COM hai', { channel: 'messenger' });
      expect(found).toEqual([expect.objectContaining({ channel: 'email', address: 'asha@example.com', otherCustomerId: known.id })]);
    });

    it('does not suggest a dismissed link again', async () => {
      const onMessenger = await id.store.customerFor({ channel: 'messenger', address: PSID });
      await id.store.customerFor({ channel: 'whatsapp', address: WA });
      const [s] = await suggestLinks(id.store, onMessenger.id, '+919812345678');
      expect(await id.store.dismissSuggestion(onMessenger.id, s!.id, 'ag_1')).toBe(true);
      expect(await suggestLinks(id.store, onMessenger.id, '+919812345678')).toEqual([]);
      expect(await id.store.suggestions(onMessenger.id)).toEqual([]);
    });

    it('drops a suggestion once the two customers are merged', async () => {
      const onMessenger = await id.store.customerFor({ channel: 'messenger', address: PSID });
      const onWhatsapp = await id.store.customerFor({ channel: 'whatsapp', address: WA });
      await suggestLinks(id.store, onMessenger.id, '+919812345678');
      await id.store.merge({ targetId: onMessenger.id, sourceId: onWhatsapp.id, actor: 'ag_1' });
      expect(await id.store.suggestions(onMessenger.id)).toEqual([]);
    });
  });
}
