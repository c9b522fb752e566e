import { BatonError } from '../../../../src/errors';
import { K } from '../../../../src/identity/keys';
import { identityOn, PSID, PSID_OTHER, WA, wrongCodeFor, type MakeRedisPair, type RedisPair } from '../support';

/** Linking by one-time code, run on ioredis-mock (unit) and on a real Redis (integration). */
export function linkVerificationContract(makePair: MakeRedisPair): void {
  let pair: RedisPair;
  let id: ReturnType<typeof identityOn>;

  beforeEach(async () => {
    pair = await makePair();
    id = identityOn(pair.a);
  });
  afterEach(async () => {
    await pair.close();
  });

  /** A Messenger customer who says a WhatsApp number is theirs; that number already wrote to us. */
  async function messengerCustomerClaimingWhatsapp() {
    const messenger = await id.store.customerFor({ channel: 'messenger', address: PSID, name: 'Asha' });
    const whatsapp = await id.store.customerFor({ channel: 'whatsapp', address: WA, platformUserId: '919812345678' });
    await id.store.attachConversation(messenger.id, 'c_messenger', 'messenger', 1000);
    await id.store.attachConversation(whatsapp.id, 'c_whatsapp', 'whatsapp', 2000);
    const started = await id.verification.start({
      customerId: messenger.id,
      fromChannel: 'messenger',
      fromAddress: PSID,
      targetChannel: 'whatsapp',
      targetAddress: WA,
      actor: 'ag_1',
      lang: 'hi',
    });
    const code = id.sent[0]!.code;
    return { messenger, whatsapp, started, code };
  }

  it('sends a 6-digit code to the claimed address in the customer’s language, valid for 10 minutes', async () => {
    const { started } = await messengerCustomerClaimingWhatsapp();
    expect(id.sent).toEqual([{ channel: 'whatsapp', address: WA, code: expect.stringMatching(/^\d{6}$/), lang: 'hi' }]);
    expect(started.expiresAt).toBe(id.clock.now + 10 * 60_000);
    const ttl = await pair.a.pttl(K.pendingVerification('messenger', PSID));
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
  });

  it('stores only a hash of the code', async () => {
    const { code } = await messengerCustomerClaimingWhatsapp();
    const stored = await pair.a.hgetall(K.pendingVerification('messenger', PSID));
    expect(Object.values(stored).some((v) => v.includes(code))).toBe(false);
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links the claimed address as verified when the code comes back, and lists both channels’ conversations', async () => {
    const { messenger, whatsapp, code } = await messengerCustomerClaimingWhatsapp();
    const outcome = await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: `code ${code}` });
    expect(outcome).toEqual({ outcome: 'linked', customerId: messenger.id });
    expect(await id.store.addresses(messenger.id)).toEqual(
      expect.arrayContaining([
        { channel: 'messenger', address: PSID, kind: 'address', verified: true },
        { channel: 'whatsapp', address: WA, kind: 'address', verified: true },
        { channel: 'whatsapp', address: '919812345678', kind: 'platform_user_id', verified: true },
      ]),
    );
    expect(await id.store.conversations(messenger.id)).toEqual([
      { conversationId: 'c_whatsapp', channel: 'whatsapp', startedAt: 2000 },
      { conversationId: 'c_messenger', channel: 'messenger', startedAt: 1000 },
    ]);
    expect((await id.store.get(whatsapp.id))?.id).toBe(messenger.id);
    expect((await id.store.customerFor({ channel: 'whatsapp', address: WA })).id).toBe(messenger.id);
  });

  it('audits the link as done by the customer', async () => {
    const { messenger, whatsapp, code, started } = await messengerCustomerClaimingWhatsapp();
    await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code });
    const actions = (await id.audit.list({ target: messenger.id })).map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual(['customer identity.link.verified', 'customer identity.merge', 'ag_1 identity.link.started']);
    const [linked] = await id.audit.list({ target: messenger.id });
    expect(linked?.details).toMatchObject({ verificationId: started.verificationId, startedBy: 'ag_1', mergedCustomerId: whatsapp.id, targetChannel: 'whatsapp' });
  });

  it('reads the code in Devanagari digits too', async () => {
    const { messenger, code } = await messengerCustomerClaimingWhatsapp();
    const devanagari = code.replace(/\d/g, (d) => String.fromCharCode(0x0966 + Number(d)));
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: `मेरा कोड ${devanagari} है` })).toEqual({ outcome: 'linked', customerId: messenger.id });
  });

  it('counts down the attempts left on a wrong code', async () => {
    const { code } = await messengerCustomerClaimingWhatsapp();
    const wrong = wrongCodeFor(code);
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: wrong })).toEqual({ outcome: 'wrong_code', attemptsLeft: 4 });
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: wrong })).toEqual({ outcome: 'wrong_code', attemptsLeft: 3 });
  });

  it('locks after 5 wrong codes, and then refuses even the right one', async () => {
    const { messenger, code } = await messengerCustomerClaimingWhatsapp();
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push((await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: wrongCodeFor(code) })).outcome);
    expect(outcomes).toEqual(['wrong_code', 'wrong_code', 'wrong_code', 'wrong_code', 'locked']);
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code })).toEqual({ outcome: 'locked' });
    expect((await id.store.addresses(messenger.id)).some((a) => a.address === WA)).toBe(false);
  });

  it('lets no more than 5 guesses through when they arrive all at once', async () => {
    const { code } = await messengerCustomerClaimingWhatsapp();
    const guesses = Array.from({ length: 12 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const outcomes = await Promise.all(guesses.map((text) => id.verification.tryConfirm({ channel: 'messenger', address: PSID, text })));
    expect(outcomes.filter((o) => o.outcome === 'wrong_code')).toHaveLength(4);
    expect(outcomes.filter((o) => o.outcome === 'locked')).toHaveLength(8);
  });

  it('answers none once the code has expired, and does not link', async () => {
    const { messenger, code } = await messengerCustomerClaimingWhatsapp();
    id.clock.now += 10 * 60_000 + 1;
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code })).toEqual({ outcome: 'none' });
    expect((await id.store.addresses(messenger.id)).some((a) => a.address === WA)).toBe(false);
  });

  it('does not link when the code is typed from another address', async () => {
    const { messenger, code } = await messengerCustomerClaimingWhatsapp();
    await id.store.customerFor({ channel: 'messenger', address: PSID_OTHER });
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID_OTHER, text: code })).toEqual({ outcome: 'none' });
    expect(await id.verification.tryConfirm({ channel: 'whatsapp', address: WA, text: code })).toEqual({ outcome: 'none' });
    expect((await id.store.addresses(messenger.id)).some((a) => a.address === WA)).toBe(false);
  });

  it('accepts a code once', async () => {
    const { code } = await messengerCustomerClaimingWhatsapp();
    expect((await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code })).outcome).toBe('linked');
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code })).toEqual({ outcome: 'none' });
  });

  it('links once when the right code arrives twice at the same moment on two instances', async () => {
    const { code } = await messengerCustomerClaimingWhatsapp();
    const other = identityOn(pair.b);
    const outcomes = await Promise.all([
      id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code }),
      other.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code }),
    ]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['linked', 'none']);
  });

  it('leaves messages that are not a lone 6-digit code alone, without using an attempt', async () => {
    const { code } = await messengerCustomerClaimingWhatsapp();
    for (const text of ['hello', 'order 12 arrived, code 123456?', '12345', `${code}7`]) {
      expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text })).toEqual({ outcome: 'none' });
    }
    expect(await pair.a.hget(K.pendingVerification('messenger', PSID), 'attempts')).toBe('0');
  });

  it('links a number that never wrote to us without merging anything', async () => {
    const messenger = await id.store.customerFor({ channel: 'messenger', address: PSID });
    await id.verification.start({ customerId: messenger.id, fromChannel: 'messenger', fromAddress: PSID, targetChannel: 'whatsapp', targetAddress: WA, actor: 'ag_1' });
    expect(await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: id.sent[0]!.code })).toEqual({ outcome: 'linked', customerId: messenger.id });
    expect((await id.store.customerFor({ channel: 'whatsapp', address: WA })).id).toBe(messenger.id);
  });

  it('surfaces a failed send as a clear error and keeps no code waiting', async () => {
    const failing = identityOn(pair.a, { sendFails: () => new BatonError('WINDOW_CLOSED', 'outside the 24-hour window to +919812345678') });
    const messenger = await failing.store.customerFor({ channel: 'messenger', address: PSID });
    const err = await failing.verification
      .start({ customerId: messenger.id, fromChannel: 'messenger', fromAddress: PSID, targetChannel: 'whatsapp', targetAddress: WA, actor: 'ag_1' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatonError);
    expect((err as BatonError).code).toBe('WINDOW_CLOSED');
    expect((err as BatonError).message).toMatch(/approved template/);
    expect((err as BatonError).message).not.toMatch(/9812345678/);
    expect(await pair.a.exists(K.pendingVerification('messenger', PSID))).toBe(0);
  });

  it('refuses to start from an address that is not the customer’s', async () => {
    const messenger = await id.store.customerFor({ channel: 'messenger', address: PSID });
    await id.store.customerFor({ channel: 'messenger', address: PSID_OTHER });
    await expect(
      id.verification.start({ customerId: messenger.id, fromChannel: 'messenger', fromAddress: PSID_OTHER, targetChannel: 'whatsapp', targetAddress: WA, actor: 'ag_1' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(id.sent).toEqual([]);
  });

  it('refuses to verify an address already linked and verified', async () => {
    const { messenger, code } = await messengerCustomerClaimingWhatsapp();
    await id.verification.tryConfirm({ channel: 'messenger', address: PSID, text: code });
    await expect(
      id.verification.start({ customerId: messenger.id, fromChannel: 'messenger', fromAddress: PSID, targetChannel: 'whatsapp', targetAddress: WA, actor: 'ag_1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
}
