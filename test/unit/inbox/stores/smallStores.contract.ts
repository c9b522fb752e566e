import { ZodError } from 'zod';
import { isBatonError } from '../../../../src/errors';
import { DEFAULT_TEAMS } from '../../../../src/handoff/types';
import { auditEntriesOf, auditTargetKey, RedisAuditLog } from '../../../../src/inbox/audit/redisAuditLog';
import { LoginLimiter } from '../../../../src/inbox/auth/loginLimiter';
import { CannedAnswerStore } from '../../../../src/inbox/canned/cannedAnswerStore';
import { FollowUpStore } from '../../../../src/inbox/followups/followUpStore';
import { TeamStore } from '../../../../src/inbox/teams/teamStore';
import { withHarness, type MakeHarness } from './harness';

const codeOf = (e: unknown) => (isBatonError(e) ? e.code : String(e));

export function teamStoreContract(make: MakeHarness): void {
  const h = withHarness(make);
  const store = () => new TeamStore(h().client);

  test('seeds the default teams when there are none', async () => {
    expect((await store().ensureDefaults()).map((t) => t.id)).toEqual(DEFAULT_TEAMS.map((t) => t.id));
    expect((await store().list()).map((t) => t.id)).toEqual(['care', 'marketing', 'sales']);
  });

  test('does not seed defaults once any team exists', async () => {
    await store().upsert({ id: 'billing', name: 'Billing' });
    expect(await store().ensureDefaults()).toEqual([]);
    expect((await store().list()).map((t) => t.id)).toEqual(['billing']);
  });

  test('replaces a team on upsert and removes it', async () => {
    await store().upsert({ id: 'care', name: 'Care' });
    await store().upsert({ id: 'care', name: 'Customer care', leadAgentId: 'ag_1' });
    expect(await store().get('care')).toEqual({ id: 'care', name: 'Customer care', leadAgentId: 'ag_1' });
    expect(await store().remove('care')).toBe(true);
    expect(await store().get('care')).toBeNull();
    expect(await store().remove('care')).toBe(false);
  });

  test('refuses an invalid team', async () => {
    await expect(store().upsert({ id: 'Not Valid', name: 'x' })).rejects.toBeInstanceOf(ZodError);
  });
}

export function cannedAnswerStoreContract(make: MakeHarness): void {
  const h = withHarness(make);
  const store = () => new CannedAnswerStore(h().client);
  const refund = { team: 'care', shortcut: '/refund', title: 'Refund', text: 'Refunds take 5 days.' };

  test('creates and reads a canned answer', async () => {
    const a = await store().create({ ...refund, language: 'en' });
    expect(await store().get(a.id)).toEqual(a);
    expect(a).toMatchObject({ ...refund, language: 'en' });
  });

  test('keeps shortcuts unique per team, whatever the case', async () => {
    await store().create(refund);
    expect(codeOf(await store().create({ ...refund, shortcut: '/REFUND' }).catch((e: unknown) => e))).toBe('CONFLICT');
    await expect(store().create({ ...refund, team: 'sales' })).resolves.toMatchObject({ team: 'sales' });
  });

  test('keeps a shortcut once per language in a team, and once for any language', async () => {
    await store().create({ ...refund, language: 'en' });
    await expect(store().create({ ...refund, language: 'hi', text: 'रिफ़ंड 5 दिन में।' })).resolves.toMatchObject({ language: 'hi' });
    await expect(store().create(refund)).resolves.toMatchObject({ shortcut: '/refund' });
    const again = await store().create({ ...refund, language: 'hi' }).catch((e: unknown) => e);
    expect(codeOf(again)).toBe('CONFLICT');
    expect((again as Error).message).toBe('The team care already has a canned answer /refund in hi');
  });

  test('frees the language claim when an answer changes language', async () => {
    const a = await store().create({ ...refund, language: 'en' });
    await store().update(a.id, { ...refund, language: 'ur' });
    await expect(store().create({ ...refund, language: 'en' })).resolves.toBeDefined();
    expect(codeOf(await store().create({ ...refund, language: 'ur' }).catch((e: unknown) => e))).toBe('CONFLICT');
  });

  test('lists all or one team', async () => {
    await store().create(refund);
    await store().create({ ...refund, team: 'sales' });
    expect((await store().list()).map((a) => a.team)).toEqual(['care', 'sales']);
    expect((await store().list({ team: 'sales' })).map((a) => a.team)).toEqual(['sales']);
  });

  test('frees the old shortcut when an answer moves to another one', async () => {
    const a = await store().create(refund);
    await store().update(a.id, { ...refund, shortcut: '/money-back' });
    await expect(store().create(refund)).resolves.toMatchObject({ shortcut: '/refund' });
    expect(codeOf(await store().create({ ...refund, shortcut: '/money-back' }).catch((e: unknown) => e))).toBe('CONFLICT');
  });

  test('frees the shortcut when an answer is removed', async () => {
    const a = await store().create(refund);
    expect(await store().remove(a.id)).toBe(true);
    expect(await store().get(a.id)).toBeNull();
    await expect(store().create(refund)).resolves.toBeDefined();
  });

  test('answers NOT_FOUND when updating an unknown answer', async () => {
    expect(codeOf(await store().update('ca_nope', refund).catch((e: unknown) => e))).toBe('NOT_FOUND');
  });
}

export function auditLogContract(make: MakeHarness): void {
  const h = withHarness(make);

  test('lists entries newest first', async () => {
    const log = new RedisAuditLog(h().client);
    await log.record({ actor: 'ag_1', action: 'team.created', target: 'team:care', at: 1 });
    await log.record({ actor: 'ag_2', action: 'team.updated', target: 'team:care', at: 2 });
    expect((await log.list()).map((e) => e.at)).toEqual([2, 1]);
  });

  test('stamps entries with the time when none is given', async () => {
    const log = new RedisAuditLog(h().client);
    const before = Date.now();
    await log.record({ actor: 'system', action: 'x', target: 'y', details: { a: 1 } });
    const [entry] = await log.list();
    expect(entry?.at).toBeGreaterThanOrEqual(before);
    expect(entry?.details).toEqual({ a: 1 });
  });

  test('filters by target, by actor, and by both', async () => {
    const log = new RedisAuditLog(h().client);
    await log.record({ actor: 'ag_1', action: 'a', target: 'team:care' });
    await log.record({ actor: 'ag_2', action: 'b', target: 'team:care' });
    await log.record({ actor: 'ag_1', action: 'c', target: 'agent:ag_3' });
    expect((await log.list({ target: 'team:care' })).map((e) => e.action)).toEqual(['b', 'a']);
    expect((await log.list({ actor: 'ag_1' })).map((e) => e.action)).toEqual(['c', 'a']);
    expect((await log.list({ target: 'team:care', actor: 'ag_1' })).map((e) => e.action)).toEqual(['a']);
    expect((await log.list({ limit: 1 })).map((e) => e.action)).toEqual(['c']);
  });

  test('reads entries written in full by versions before, in every list', async () => {
    const old = { at: 1796585046038, actor: 'ag_1', action: 'conversation.resolve', target: 'conversation:c_1', details: { note: 'x' } };
    const json = JSON.stringify(old);
    await Promise.all([h().client.lpush('audit', json), h().client.lpush(auditTargetKey('conversation:c_1'), json), h().client.lpush('audit:actor:{ag_1}', json)]);
    const log = new RedisAuditLog(h().client);
    await log.record({ actor: 'ag_1', action: 'conversation.reply', target: 'conversation:c_1', at: 1796585047000 });
    for (const query of [{}, { target: 'conversation:c_1' }, { actor: 'ag_1' }, { target: 'conversation:c_1', actor: 'ag_1' }]) {
      expect(await log.list(query)).toEqual([{ at: 1796585047000, actor: 'ag_1', action: 'conversation.reply', target: 'conversation:c_1' }, old]);
    }
  });

  test('keeps an entry in each list in under half the bytes of its JSON, and reads it back whole', async () => {
    const log = new RedisAuditLog(h().client);
    const entry = { actor: 'ag_mxc9h7ns_61a735ec88', action: 'conversation.reply', target: 'conversation:c_mxc9h9ox_fa02663119', at: 1796585047000, details: { messageId: 'm16.c_mxc9h9ox_fa02663119', status: 'queued' } };
    await log.record(entry);
    const json = Buffer.byteLength(JSON.stringify(entry));
    for (const key of ['audit', auditTargetKey(entry.target), `audit:actor:{${entry.actor}}`]) {
      const [stored] = await h().client.lrangeBuffer(key, 0, -1);
      expect(stored!.length).toBeLessThan(json / 2);
    }
    expect(await auditEntriesOf(h().client, entry.target)).toEqual([entry]);
    expect(await log.list({ actor: entry.actor })).toEqual([entry]);
    expect(await log.list()).toEqual([entry]);
  });

  test('reads entries kept as packed JSON, not deflated', async () => {
    await h().client.lpush(auditTargetKey('conversation:c_1'), '{"t":"mxc9ha2r","a":"ag_1","x":"conversation.resolve"}');
    expect(await auditEntriesOf(h().client, 'conversation:c_1')).toEqual([{ at: parseInt('mxc9ha2r', 36), actor: 'ag_1', action: 'conversation.resolve', target: 'conversation:c_1' }]);
  });

  test('keeps only the newest entries beyond its cap', async () => {
    const log = new RedisAuditLog(h().client, { maxEntries: 3 });
    for (let i = 1; i <= 5; i++) await log.record({ actor: 'ag_1', action: `a${i}`, target: 't' });
    expect((await log.list()).map((e) => e.action)).toEqual(['a5', 'a4', 'a3']);
  });
}

export function followUpStoreContract(make: MakeHarness): void {
  const h = withHarness(make);
  const store = () => new FollowUpStore(h().client);
  const base = { conversationId: 'c_1', team: 'care', score: 1, scale: 'csat5' as const };

  test('lists open follow-ups soonest due first', async () => {
    const late = await store().open({ ...base, dueAt: 2000 });
    const soon = await store().open({ ...base, dueAt: 1000, assigneeId: 'ag_1' });
    expect((await store().list({ status: 'open' })).map((f) => f.id)).toEqual([soon.id, late.id]);
    expect(soon).toMatchObject({ status: 'open', assigneeId: 'ag_1' });
  });

  test('moves a follow-up to done with who and when', async () => {
    const f = await store().open({ ...base, dueAt: 1000 });
    const done = await store().markDone(f.id, 'ag_9');
    expect(done).toMatchObject({ status: 'done', doneBy: 'ag_9' });
    expect(await store().list({ status: 'open' })).toEqual([]);
    expect((await store().list({ status: 'done' })).map((x) => x.id)).toEqual([f.id]);
  });

  test('marking done twice keeps the first completion', async () => {
    const f = await store().open({ ...base, dueAt: 1000 });
    const first = await store().markDone(f.id, 'ag_1');
    expect(await store().markDone(f.id, 'ag_2')).toEqual(first);
  });

  test('filters by team', async () => {
    await store().open({ ...base, dueAt: 1 });
    const s = await store().open({ ...base, team: 'sales', dueAt: 2 });
    expect((await store().list({ team: 'sales' })).map((f) => f.id)).toEqual([s.id]);
  });

  test('answers NOT_FOUND for an unknown follow-up', async () => {
    expect(codeOf(await store().markDone('fu_nope', 'ag_1').catch((e: unknown) => e))).toBe('NOT_FOUND');
  });
}

export function loginLimiterContract(make: MakeHarness): void {
  const h = withHarness(make);
  const refusal = (p: Promise<unknown>) => p.then(() => 'admitted', (e: unknown) => codeOf(e));

  test('admits the allowed attempts for an e-mail from one address, then refuses with a wait', async () => {
    const l = new LoginLimiter(h().client, { perAccountAndClient: 3 });
    for (let i = 0; i < 3; i++) expect(await refusal(l.admit('asha@example.com', '10.0.0.1'))).toBe('admitted');
    const err = await l.admit('ASHA@example.com', '10.0.0.1').catch((e: unknown) => e as { code: string; details: { retryAfterSeconds: number } });
    expect(err).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(err!.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  test('counts a parallel burst exactly: no more admitted than the budget', async () => {
    const l = new LoginLimiter(h().client, { perClient: 1000, perAccountAndClient: 10 });
    const outcomes = await Promise.all(Array.from({ length: 100 }, () => refusal(l.admit('asha@example.com', '10.0.0.1'))));
    expect(outcomes.filter((o) => o === 'admitted')).toHaveLength(10);
  });

  test('an address that used up its attempts on an account does not lock out another address', async () => {
    const l = new LoginLimiter(h().client, { perAccountAndClient: 2 });
    await l.admit('asha@example.com', '10.0.0.1').catch(() => undefined);
    await l.admit('asha@example.com', '10.0.0.1').catch(() => undefined);
    expect(await refusal(l.admit('asha@example.com', '10.0.0.1'))).toBe('TOO_MANY_ATTEMPTS');
    expect(await refusal(l.admit('asha@example.com', '10.0.0.2'))).toBe('admitted');
  });

  test('one address trying many e-mails is stopped by its own budget', async () => {
    const l = new LoginLimiter(h().client, { perClient: 5 });
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push(await refusal(l.admit(`user${i}@example.com`, '10.0.0.9')));
    expect(outcomes.indexOf('TOO_MANY_ATTEMPTS')).toBe(5);
  });

  test('the per-account ceiling holds across addresses', async () => {
    const l = new LoginLimiter(h().client, { perAccount: 3 });
    for (let i = 0; i < 3; i++) expect(await refusal(l.admit('asha@example.com', `10.0.1.${i}`))).toBe('admitted');
    expect(await refusal(l.admit('asha@example.com', '10.0.1.99'))).toBe('TOO_MANY_ATTEMPTS');
  });

  test('a success clears the lock of that address for that account', async () => {
    const l = new LoginLimiter(h().client, { perAccountAndClient: 1 });
    await l.admit('asha@example.com', '10.0.0.1');
    await l.succeeded('asha@example.com', '10.0.0.1');
    expect(await refusal(l.admit('asha@example.com', '10.0.0.1'))).toBe('admitted');
  });
}
