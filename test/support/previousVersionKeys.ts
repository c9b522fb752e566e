import type Redis from 'ioredis';
import type { Cluster } from 'ioredis';
import { hashPassword } from '../../src/inbox/agents/passwordHash';

/**
 * A desk as a Baton from before Redis Cluster support (b80e8ad^) left it in Redis: every kind of
 * key under its old name, written the way the old stores wrote them.
 *
 * The key builders below are copied from that version (`git show b80e8ad^:<file>`), and for the
 * keys renamed later from the version just before each rename (c17baed^, abdb9f9^, d9ce8fa^). The
 * writes repeat what the old scripts and MULTIs wrote, as single-key commands so the fixture runs
 * on a Redis Cluster too (the old code never did; an operator moving to a cluster brings the keys).
 */

/** src/conversations/redisConversationStore.ts, factStore.ts at b80e8ad^; handoff/packetStore.ts at abdb9f9^. */
export const OLD_CONVERSATION_K = {
  conv: (id: string) => `conv:${id}`,
  byAddress: (channel: string, address: string) => `conv:addr:${channel}:${address}`,
  messages: (id: string) => `conv:${id}:msgs`,
  botState: (id: string) => `conv:${id}:bot`,
  index: 'convs:by-update',
  msg: (id: string) => `msg:${id}`,
  byPlatform: (channel: string, pid: string) => `msg:pid:${channel}:${pid}`,
  parked: (channel: string, pid: string) => `msg:parked:${channel}:${pid}`,
  queue: (team: string) => `queue:${team}`,
  agentActive: (agentId: string) => `agent:${agentId}:active`,
  facts: (conversationId: string) => `conv:${conversationId}:facts`,
  packet: (conversationId: string) => `conv:${conversationId}:packet`,
  waits: (team: string) => `waits:${team}`,
};

/** src/identity/keys.ts at d9ce8fa^. */
export const OLD_IDENTITY_K = {
  customer: (id: string) => `cust:${id}`,
  addresses: (id: string) => `cust:${id}:addrs`,
  conversations: (id: string) => `cust:${id}:convs`,
  suggestions: (id: string) => `cust:${id}:sugg`,
  dismissed: (id: string) => `cust:${id}:sugg:dismissed`,
  identifier: (channel: string, kind: string, value: string) => `cust:ident:${channel}:${kind}:${value}`,
  attribute: (key: string, value: string) => `cust:attr:${key}:${value}`,
  pendingVerification: (channel: string, address: string) => `cust:verify:${channel}:${address}`,
};

/** src/inbox/{agents/agentStore,auth/sessionStore,canned/cannedAnswerStore,followups/followUpStore,audit/redisAuditLog}.ts and src/outbound/deadLetters.ts at abdb9f9^. */
export const OLD_INBOX_K = {
  agent: (id: string) => `agent:${id}`,
  byEmail: (email: string) => `agents:email:${email.trim().toLowerCase()}`,
  byTeam: (team: string) => `agents:team:${team}`,
  allAgents: 'agents:all',
  session: (digest: string) => `session:${digest}`,
  sessionsOf: (agentId: string) => `agent:${agentId}:sessions`,
  canned: (id: string) => `canned:${id}`,
  allCanned: 'canned:all',
  shortcut: (team: string, shortcut: string) => `canned:shortcut:${team}:${shortcut.toLowerCase()}`,
  followUp: (id: string) => `followup:${id}`,
  followUps: (status: 'open' | 'done') => `followups:${status}`,
  audit: 'audit',
  auditByTarget: (target: string) => `audit:target:${target}`,
  auditByActor: (actor: string) => `audit:actor:${actor}`,
  dead: 'out:dead',
  deadByTime: 'out:dead:at',
};

/** src/inbound/inboundQueue.ts and src/outbound/{sendSchedule,outboundService}.ts at c17baed^. */
export const OLD_LANE_K = {
  dedupe: (channel: string, id: string) => `dedupe:${channel}:${id}`,
  lane: (lane: string) => `inbox:lane:${lane}`,
  lock: (lane: string) => `inbox:lock:${lane}`,
  pending: 'inbox:pending',
  outLane: (conversationId: string) => `out:lane:{c:${conversationId}}`,
  outJobs: (conversationId: string) => `out:jobs:{c:${conversationId}}`,
  due: 'out:due',
  idem: (conversationId: string, key: string) => `out:idem:{c:${conversationId}}:${key}`,
};

/** What the fixture wrote, for the checks. */
export interface PreviousDesk {
  conversationId: string;
  secondConversationId: string;
  address: string;
  customerId: string;
  agentId: string;
  agentEmail: string;
  agentPassword: string;
  messageIds: string[];
  texts: string[];
  cannedId: string;
  followUpId: string;
  /** Old key names written with a TTL, and the TTL (ms) given. */
  expiring: Record<string, number>;
  /** Every old key name written. */
  keys: string[];
}

type Client = Redis | Cluster;

/** Old conversation store: FIND_OR_OPEN (hash, address, index) then APPEND per message (hash, list, platform id, conversation fields, index). */
async function oldConversation(r: Client, id: string, address: string, at: number, messages: { id: string; inbound: boolean; text: string; pid: string; at: number; status: string }[], extra: Record<string, string>) {
  const K = OLD_CONVERSATION_K;
  const last = messages[messages.length - 1]!;
  const firstInbound = messages.find((m) => m.inbound);
  const lastInbound = [...messages].reverse().find((m) => m.inbound);
  await Promise.all([
    r.set(K.byAddress('whatsapp', address), id),
    r.hset(K.conv(id), {
      channel: 'whatsapp',
      customerAddress: address,
      customerName: 'Asha',
      status: 'bot',
      ownerToken: '0',
      createdAt: String(at),
      updatedAt: String(last.at),
      messageCount: String(messages.length),
      lastMessageAt: String(last.at),
      lastMessagePreview: last.text,
      ...(firstInbound ? { firstInboundAt: String(firstInbound.at) } : {}),
      ...(lastInbound ? { lastInboundAt: String(lastInbound.at) } : {}),
      ...extra,
    }),
    r.zadd(K.index, last.at, id),
    r.rpush(K.messages(id), ...messages.map((m) => m.id)),
    ...messages.flatMap((m) => [
      r.hset(K.msg(m.id), {
        conversationId: id,
        direction: m.inbound ? 'inbound' : 'outbound',
        author: m.inbound ? 'customer' : 'bot',
        text: m.text,
        platformMessageId: m.pid,
        status: m.status,
        createdAt: String(m.at),
        updatedAt: String(m.at),
        ...(m.inbound ? {} : { meta: JSON.stringify({ sendKey: `turn:${messages[0]!.id}:0` }) }),
      }),
      r.set(K.byPlatform('whatsapp', m.pid), m.id),
    ]),
  ]);
}

/**
 * Writes one desk of the old version: two conversations (one escalated to an agent), their
 * messages, facts, packet and bot state; the customer with an address, an e-mail attribute, a
 * suggestion; an agent with a session; a canned answer, a follow-up, audit entries, a dead letter;
 * an inbound lane waiting, a send waiting; short-lived keys (lock, dedupe, verification).
 */
export async function writePreviousVersionDesk(r: Client, opts: { now?: number } = {}): Promise<PreviousDesk> {
  const now = opts.now ?? Date.now();
  const C = OLD_CONVERSATION_K;
  const I = OLD_IDENTITY_K;
  const X = OLD_INBOX_K;
  const L = OLD_LANE_K;
  const conversationId = 'c_mq0a1b2c_0a1b2c3d4e';
  const secondConversationId = 'c_mq0a1b3d_5f6a7b8c9d';
  const address = 'whatsapp:+919812345678';
  const secondAddress = 'whatsapp:+919812300000';
  const customerId = 'cu_mq0a1b2d_1122334455';
  const agentId = 'ag_mq09zz00_aabbccddee';
  const agentEmail = 'Meera@Example.com';
  const agentPassword = 'correct horse battery staple';
  const cannedId = 'ca_mq09zz10_0011223344';
  const followUpId = 'fu_mq0a2000_9988776655';
  const messageIds = ['m_mq0a1b2c_1111111111', 'm_mq0a1b2d_2222222222', 'm_mq0a1b2e_3333333333'];
  const texts = ['where is my order', 'What is your order number?', 'SG-482913'];
  const t0 = now - 3_600_000;

  await oldConversation(r, conversationId, address, t0, [
    { id: messageIds[0]!, inbound: true, text: texts[0]!, pid: 'SMold00000000000000000000000000001', at: t0 + 1000, status: 'received' },
    { id: messageIds[1]!, inbound: false, text: texts[1]!, pid: 'SMold00000000000000000000000000002', at: t0 + 2000, status: 'delivered' },
    { id: messageIds[2]!, inbound: true, text: texts[2]!, pid: 'SMold00000000000000000000000000003', at: t0 + 3000, status: 'received' },
  ], { customerId, language: 'en' });
  await oldConversation(r, secondConversationId, secondAddress, t0, [
    { id: 'm_mq0a1b3e_4444444444', inbound: true, text: 'I want to talk to a person', pid: 'SMold00000000000000000000000000004', at: t0 + 4000, status: 'received' },
  ], { status: 'assigned', team: 'support', assigneeId: agentId, ownerToken: '2', queuedAt: String(t0 + 4100), assignedAt: String(t0 + 4200), escalatedAt: String(t0 + 4100) });

  const session = 'a'.repeat(64);
  const auditEntry = JSON.stringify({ at: t0 + 4200, actor: agentId, action: 'conversation.assign', target: `conversation:${secondConversationId}`, details: { agentId, team: 'support' } });
  const job = JSON.stringify({ messageId: 'm_mq0a1b3f_5555555555', conversationId: secondConversationId, partsSent: 0 });
  const expiring: Record<string, number> = {
    [X.session(session)]: 8 * 3600_000,
    [X.sessionsOf(agentId)]: 8 * 3600_000,
    [X.auditByTarget(`conversation:${secondConversationId}`)]: 90 * 86_400_000,
    [X.auditByActor(agentId)]: 90 * 86_400_000,
    [L.idem(conversationId, `turn:${messageIds[0]}:0`)]: 86_400_000,
    [I.pendingVerification('messenger', '24681357')]: 600_000,
    [C.parked('whatsapp', 'SMold00000000000000000000000000009')]: 3_600_000,
    [L.lock('whatsapp:whatsapp:+919812399999')]: 30_000,
    [L.dedupe('whatsapp', 'SMold00000000000000000000000000007')]: 86_400_000,
  };
  await Promise.all([
    // The conversation's other keys.
    r.hset(C.facts(conversationId), 'order_number|SG-482913', JSON.stringify({ kind: 'order_number', value: 'SG-482913', verified: false, messageId: messageIds[2], at: t0 + 3000, n: 1 })),
    r.set(C.botState(conversationId), JSON.stringify({ awaiting: null, lastIntent: 'order_status' })),
    r.set(C.packet(secondConversationId), JSON.stringify({ conversationId: secondConversationId, summary: 'wants a person' })),
    r.zadd(C.queue('billing'), t0 + 5000, 'c_mq0a1b4f_0000000001'),
    r.sadd(C.agentActive(agentId), secondConversationId),
    r.lpush(C.waits('support'), '100'),
    r.rpush(C.parked('whatsapp', 'SMold00000000000000000000000000009'), 'read||'),
    // The customer.
    r.hset(I.customer(customerId), { createdAt: String(t0), vip: '0', name: 'Asha', 'a:email': 'asha@example.com' }),
    r.hset(I.addresses(customerId), `whatsapp|address|${address}`, '1'),
    r.set(I.identifier('whatsapp', 'address', address), customerId),
    r.zadd(I.conversations(customerId), t0, `whatsapp|${conversationId}`),
    r.sadd(I.attribute('email', 'asha@example.com'), customerId),
    r.hset(I.suggestions(customerId), 'sg_1', JSON.stringify({ id: 'sg_1', otherCustomerId: 'cu_mq0a1b5a_6677889900', reason: 'same e-mail', at: t0 })),
    r.sadd(I.dismissed(customerId), 'sg_0'),
    r.hset(I.pendingVerification('messenger', '24681357'), { id: 'ver_1', attempts: '0' }),
    // The agent and the desk's directories.
    hashPassword(agentPassword, { N: 1024, r: 8, p: 1 }).then((passwordHash) =>
      r.hset(X.agent(agentId), { id: agentId, email: agentEmail, name: 'Meera', role: 'admin', teams: JSON.stringify(['support']), capacity: '3', presence: 'offline', disabled: '0', createdAt: String(t0 - 86_400_000), passwordHash }),
    ),
    r.set(X.byEmail(agentEmail), agentId),
    r.zadd(X.allAgents, t0 - 86_400_000, agentId),
    r.sadd(X.byTeam('support'), agentId),
    r.set(X.session(session), JSON.stringify({ agentId, expiresAt: now + 8 * 3600_000 })),
    r.sadd(X.sessionsOf(agentId), session),
    r.set(X.canned(cannedId), JSON.stringify({ id: cannedId, team: 'support', shortcut: 'refund', title: 'Refund', text: 'Refunds take 5 to 7 days.', createdAt: t0, updatedAt: t0 })),
    r.zadd(X.allCanned, t0, cannedId),
    r.set(X.shortcut('support', 'refund'), cannedId),
    r.set(X.followUp(followUpId), JSON.stringify({ id: followUpId, conversationId: secondConversationId, team: 'support', score: 2, scale: 5, dueAt: now + 86_400_000, status: 'open', createdAt: t0 })),
    r.zadd(X.followUps('open'), now + 86_400_000, followUpId),
    r.zadd(X.followUps('done'), t0, 'fu_mq0a1000_0000000000'),
    r.lpush(X.audit, auditEntry),
    r.lpush(X.auditByTarget(`conversation:${secondConversationId}`), auditEntry),
    r.lpush(X.auditByActor(agentId), auditEntry),
    r.hset(X.dead, 'm_mq0a1b40_6666666666', JSON.stringify({ messageId: 'm_mq0a1b40_6666666666', conversationId, at: t0 })),
    r.zadd(X.deadByTime, t0, 'm_mq0a1b40_6666666666'),
    // Lanes and sends waiting.
    r.rpush(L.lane('whatsapp:whatsapp:+919812399999'), JSON.stringify({ kind: 'message', channel: 'whatsapp', customerAddress: 'whatsapp:+919812399999', text: 'hello' })),
    r.sadd(L.pending, 'whatsapp:whatsapp:+919812399999'),
    r.set(L.lock('whatsapp:whatsapp:+919812399999'), 'token'),
    r.set(L.dedupe('whatsapp', 'SMold00000000000000000000000000007'), '1'),
    r.rpush(L.outLane(secondConversationId), 'm_mq0a1b3f_5555555555'),
    r.hset(L.outJobs(secondConversationId), 'm_mq0a1b3f_5555555555', job),
    r.zadd(L.due, now + 1000, secondConversationId),
    r.set(L.idem(conversationId, `turn:${messageIds[0]}:0`), messageIds[1]!),
  ]);
  await Promise.all(Object.entries(expiring).map(([k, ms]) => r.pexpire(k, ms)));
  const keys = [
    C.conv(conversationId), C.conv(secondConversationId), C.byAddress('whatsapp', address), C.byAddress('whatsapp', secondAddress),
    C.messages(conversationId), C.messages(secondConversationId), ...messageIds.map((m) => C.msg(m)), C.msg('m_mq0a1b3e_4444444444'),
    ...['1', '2', '3', '4'].map((n) => C.byPlatform('whatsapp', `SMold0000000000000000000000000000${n}`)),
    C.facts(conversationId), C.botState(conversationId), C.packet(secondConversationId), C.queue('billing'), C.agentActive(agentId), C.waits('support'),
    C.parked('whatsapp', 'SMold00000000000000000000000000009'),
    I.customer(customerId), I.addresses(customerId), I.identifier('whatsapp', 'address', address), I.conversations(customerId),
    I.attribute('email', 'asha@example.com'), I.suggestions(customerId), I.dismissed(customerId), I.pendingVerification('messenger', '24681357'),
    X.agent(agentId), X.byEmail(agentEmail), X.allAgents, X.byTeam('support'), X.session(session), X.sessionsOf(agentId),
    X.canned(cannedId), X.allCanned, X.shortcut('support', 'refund'), X.followUp(followUpId), X.followUps('open'), X.followUps('done'),
    X.auditByTarget(`conversation:${secondConversationId}`), X.auditByActor(agentId), X.dead, X.deadByTime,
    L.lane('whatsapp:whatsapp:+919812399999'), L.pending, L.lock('whatsapp:whatsapp:+919812399999'), L.dedupe('whatsapp', 'SMold00000000000000000000000000007'),
    L.outLane(secondConversationId), L.outJobs(secondConversationId), L.due, L.idem(conversationId, `turn:${messageIds[0]}:0`),
  ];
  return { conversationId, secondConversationId, address, customerId, agentId, agentEmail, agentPassword, messageIds, texts, cannedId, followUpId, expiring, keys };
}
