import RedisMock from 'ioredis-mock';
import type Redis from 'ioredis';
import { factsKey } from '../../../src/conversations/factStore';
import { K as identityKeys } from '../../../src/identity/keys';
import { laneKeys } from '../../../src/inbound/inboundQueue';
import { agentKeys } from '../../../src/inbox/agents/agentStore';
import { auditTargetKey } from '../../../src/inbox/audit/redisAuditLog';
import { sessionKeys } from '../../../src/inbox/auth/sessionStore';
import { classifyKey, KEY_KINDS } from '../../../src/migrations/keyRenames';
import { writePreviousVersionDesk } from '../../support/previousVersionKeys';

/** The table of old key names (src/migrations/keyRenames.ts) against today's key builders. */

const renamed = (oldName: string): string | undefined => {
  const hit = classifyKey(oldName);
  return hit && hit.kind.move.kind === 'rename' ? hit.kind.move.to(hit.match) : undefined;
};

describe('the table of old key names', () => {
  test('each old name moves to the name today\'s store builds for it', () => {
    expect([
      renamed('cust:cu_1'), renamed('cust:cu_1:addrs'), renamed('cust:cu_1:convs'), renamed('cust:cu_1:sugg'), renamed('cust:cu_1:sugg:dismissed'),
      renamed('cust:ident:whatsapp:address:whatsapp:+15550001'), renamed('cust:attr:email:a@b.c'), renamed('cust:verify:messenger:123'),
    ]).toEqual([
      identityKeys.customer('cu_1'), identityKeys.addresses('cu_1'), identityKeys.conversations('cu_1'), identityKeys.suggestions('cu_1'), identityKeys.dismissed('cu_1'),
      identityKeys.identifier('whatsapp', 'address', 'whatsapp:+15550001'), identityKeys.attribute('email', 'a@b.c'), identityKeys.pendingVerification('messenger', '123'),
    ]);
    expect([renamed('agent:ag_1'), renamed('agents:email:a@b.c'), renamed('agents:team:support'), renamed('agents:all'), renamed('session:ab12'), renamed('agent:ag_1:sessions')]).toEqual([
      agentKeys.agent('ag_1'), agentKeys.byEmail('a@b.c'), agentKeys.byTeam('support'), agentKeys.all, sessionKeys.session('ab12'), sessionKeys.byAgent('ag_1'),
    ]);
    expect([renamed('inbox:lane:whatsapp:whatsapp:+15550001'), renamed('conv:c_1:facts'), renamed('audit:target:conversation:c_1')]).toEqual([
      laneKeys.lane('whatsapp:whatsapp:+15550001'), factsKey('c_1'), auditTargetKey('conversation:c_1'),
    ]);
  });

  test('a name today\'s Baton writes is never taken for an old one', () => {
    const today = [
      'conv:{c_1}', 'conv:{c_1}:msgs', 'conv:{c_1}:log', 'conv:{c_1}:pids', 'conv:{c_1}:bot', 'conv:{c_1}:facts', 'conv:{c_1}:packet',
      'conv:addr:{whatsapp:whatsapp:+1}', 'msg:{c_1}:m_1.c_1', 'msg:pid:{whatsapp:SM1}', 'msg:parked:{whatsapp:SM1}', 'queue:{support}', 'queue:{support}:tokens',
      'agent:{ag_1}:active', 'agent:{ag_1}:active:tokens', 'waits:{support}', identityKeys.customer('cu_1'), identityKeys.identifier('whatsapp', 'address', 'x'),
      agentKeys.agent('ag_1'), agentKeys.all, sessionKeys.session('ab'), sessionKeys.byAgent('ag_1'), 'canned:{canned}:ca_1', 'canned:{canned}:all',
      'followup:{followups}:fu_1', 'followups:{followups}:open', 'audit:target:{conversation:c_1}', 'audit:actor:{ag_1}', 'out:dead:{outdead}', 'out:dead:{outdead}:at',
      laneKeys.lane('whatsapp:x'), laneKeys.lock('whatsapp:x'), laneKeys.pending('whatsapp:x'), laneKeys.dedupe('whatsapp:x', 'whatsapp', 'SM1'), laneKeys.dedupeIds('whatsapp:x'),
      'out:lane:{out.3}:c_1', 'out:jobs:{out.3}:c_1', 'out:due:{out.3}', 'out:idem:{c_1}', 'out:idem:{c_1}:turn:x:0', 'out:sent:{c_1}', 'lists:{lists.3}:u:bot:all',
      'lists:{meta}:backfill', 'dash:{2026-01-02}', 'search:word:{order}', 'search:exact:{phone:+1}', 'retention:{lock}', 'inbox:turn:{lane:whatsapp:x}:SM1',
      'convs:by-update', 'audit', 'teams', 'events', 'events:seq', 'inbox:dead', 'store:epoch', 'store:probe', 'crm:customer:cu_1', 'limit:login:client:abc',
    ];
    expect(today.filter((k) => classifyKey(k))).toEqual([]);
  });

  test('the fixture of the previous version writes a key of every kind in the table', async () => {
    const redis = new RedisMock() as unknown as Redis;
    const desk = await writePreviousVersionDesk(redis);
    const kinds = new Set(desk.keys.map((k) => classifyKey(k)?.kind.name));
    expect(KEY_KINDS.map((k) => k.name).filter((n) => !kinds.has(n))).toEqual([]);
    redis.disconnect();
  });

  test('each kind has one name: no two kinds share one', () => {
    expect(new Set(KEY_KINDS.map((k) => k.name)).size).toBe(KEY_KINDS.length);
  });
});
