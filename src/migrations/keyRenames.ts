import { bucketOf, bucketTag, taggedKey } from '../store/keys';

/**
 * Every Redis key name Baton wrote before Redis Cluster support, and the name each has today.
 *
 * Read from git history: the key builders of b80e8ad^ (the last version before keys were named in
 * one place, src/store/keys.ts) and of the commits that renamed them since (`git log -p` on the
 * stores): b80e8ad (conversation store, facts), c17baed (inbound lanes, send schedule, send keys),
 * abdb9f9 (agents, sessions, canned answers, follow-ups, audit indexes, dead letters, packets,
 * wait times), d9ce8fa (identity). Key names below are without REDIS_KEY_PREFIX.
 *
 * One entry per key kind, most specific first (`agent:<id>:active` before `agent:<id>`):
 * - `rename`: the key moves whole to its new name (DUMP + RESTORE with its TTL + DEL);
 * - `spread`: a set or sorted set that became one per bucket (src/store/keys.ts, BUCKETS): each
 *   member joins its bucket's key (added to what is there), then the old key goes;
 * - `expires`: not moved (today's code cannot use it under any name); left to its TTL.
 *
 * Names that did not change (and are not listed): `convs:by-update`, `audit`, `teams`, `events`,
 * `events:seq`, `inbox:dead`, `store:epoch`, `store:probe`, `crm:customer:<id>`, `limit:login:*`,
 * `limit:public:*`, `inbox:turn:{lane:…}:<platform id>`. Names written between b80e8ad and today
 * that today's code still reads (`msg:{<conversation>}:<message>`, `out:idem:{<conversation>}`…)
 * are not old: they stay.
 *
 * Ids never hold `:` or braces (newId: `c_…`, `cu_…`, `ag_…`, `ca_…`, `fu_…`, `m_…`); addresses,
 * e-mails, team names and platform ids may hold `:` but an old key never has `{` where today's
 * name has its tag, which is how an old name is told from a new one.
 */

export type KeyMove =
  | { kind: 'rename'; to: (m: RegExpExecArray) => string }
  | { kind: 'spread'; type: 'set' | 'zset'; to: (member: string) => string }
  | { kind: 'expires'; why: string };

export interface KeyKind {
  /** A short name for reports ("conversation", "customer.addresses"). */
  name: string;
  /** The old name's shape, for people. */
  old: string;
  /** The new name's shape, for people. */
  new: string;
  /** The commit that renamed it. */
  since: string;
  /** Matches an old name (without the prefix); the groups feed `move.to`. */
  match: RegExp;
  move: KeyMove;
}

/** An id segment: no `:`, no braces. */
const ID = '([^:{}]+)';
/** The first segment of a free-text part: not a hash tag (today's names have `{` there). */
const FREE = '([^{][\\s\\S]*)';

const rename = (to: (m: RegExpExecArray) => string): KeyMove => ({ kind: 'rename', to });
const g = (m: RegExpExecArray, i: number): string => m[i]!;

const IDENT = 'ident';
const laneBucket = (lane: string) => bucketTag('lane', bucketOf(lane));
const outBucket = (conversationId: string) => bucketTag('out', bucketOf(conversationId));

export const KEY_KINDS: readonly KeyKind[] = [
  // ---- a conversation and its messages: tag = the conversation (or old message) id
  { name: 'conversation.address', old: 'conv:addr:<channel>:<address>', new: 'conv:addr:{<channel>:<address>}', since: 'b80e8ad', match: /^conv:addr:([^{:][^:]*):([\s\S]+)$/, move: rename((m) => taggedKey('conv:addr', `${g(m, 1)}:${g(m, 2)}`)) },
  { name: 'conversation', old: 'conv:<id>', new: 'conv:{<id>}', since: 'b80e8ad', match: new RegExp(`^conv:${ID}$`), move: rename((m) => taggedKey('conv', g(m, 1))) },
  { name: 'conversation.messages', old: 'conv:<id>:msgs', new: 'conv:{<id>}:msgs', since: 'b80e8ad', match: new RegExp(`^conv:(?!addr:)${ID}:msgs$`), move: rename((m) => taggedKey('conv', g(m, 1), 'msgs')) },
  { name: 'conversation.botState', old: 'conv:<id>:bot', new: 'conv:{<id>}:bot', since: 'b80e8ad', match: new RegExp(`^conv:(?!addr:)${ID}:bot$`), move: rename((m) => taggedKey('conv', g(m, 1), 'bot')) },
  { name: 'conversation.facts', old: 'conv:<id>:facts', new: 'conv:{<id>}:facts', since: 'b80e8ad', match: new RegExp(`^conv:(?!addr:)${ID}:facts$`), move: rename((m) => taggedKey('conv', g(m, 1), 'facts')) },
  { name: 'conversation.packet', old: 'conv:<id>:packet', new: 'conv:{<id>}:packet', since: 'abdb9f9', match: new RegExp(`^conv:(?!addr:)${ID}:packet$`), move: rename((m) => taggedKey('conv', g(m, 1), 'packet')) },
  { name: 'message.platformId', old: 'msg:pid:<channel>:<platform id>', new: 'msg:pid:{<channel>:<platform id>}', since: 'b80e8ad', match: /^msg:pid:([^{:][^:]*):([\s\S]+)$/, move: rename((m) => taggedKey('msg:pid', `${g(m, 1)}:${g(m, 2)}`)) },
  { name: 'message.parked', old: 'msg:parked:<channel>:<platform id>', new: 'msg:parked:{<channel>:<platform id>}', since: 'b80e8ad', match: /^msg:parked:([^{:][^:]*):([\s\S]+)$/, move: rename((m) => taggedKey('msg:parked', `${g(m, 1)}:${g(m, 2)}`)) },
  // An old message id carries no conversation: its key is tagged by the message id itself.
  { name: 'message', old: 'msg:<message id>', new: 'msg:{<message id>}:<message id>', since: 'b80e8ad', match: new RegExp(`^msg:${ID}$`), move: rename((m) => taggedKey('msg', g(m, 1), g(m, 1))) },
  { name: 'team.queue', old: 'queue:<team>', new: 'queue:{<team>}', since: 'b80e8ad', match: new RegExp(`^queue:${FREE}$`), move: rename((m) => taggedKey('queue', g(m, 1))) },
  { name: 'agent.active', old: 'agent:<agent id>:active', new: 'agent:{<agent id>}:active', since: 'b80e8ad', match: new RegExp(`^agent:${ID}:active$`), move: rename((m) => taggedKey('agent', g(m, 1), 'active')) },
  { name: 'team.waits', old: 'waits:<team>', new: 'waits:{<team>}', since: 'abdb9f9', match: new RegExp(`^waits:${FREE}$`), move: rename((m) => taggedKey('waits', g(m, 1))) },

  // ---- customers: one directory, tag {ident}
  { name: 'customer.identifier', old: 'cust:ident:<channel>:<kind>:<value>', new: 'cust:ident:{ident}:<channel>:<kind>:<value>', since: 'd9ce8fa', match: new RegExp(`^cust:ident:${FREE}$`), move: rename((m) => taggedKey('cust:ident', IDENT, g(m, 1))) },
  { name: 'customer.attribute', old: 'cust:attr:<key>:<value>', new: 'cust:attr:{ident}:<key>:<value>', since: 'd9ce8fa', match: new RegExp(`^cust:attr:${FREE}$`), move: rename((m) => taggedKey('cust:attr', IDENT, g(m, 1))) },
  { name: 'customer.verification', old: 'cust:verify:<channel>:<address>', new: 'cust:verify:{ident}:<channel>:<address>', since: 'd9ce8fa', match: new RegExp(`^cust:verify:${FREE}$`), move: rename((m) => taggedKey('cust:verify', IDENT, g(m, 1))) },
  { name: 'customer', old: 'cust:<id>', new: 'cust:{ident}:<id>', since: 'd9ce8fa', match: new RegExp(`^cust:${ID}$`), move: rename((m) => taggedKey('cust', IDENT, g(m, 1))) },
  { name: 'customer.addresses', old: 'cust:<id>:addrs', new: 'cust:{ident}:<id>:addrs', since: 'd9ce8fa', match: new RegExp(`^cust:${ID}:addrs$`), move: rename((m) => taggedKey('cust', IDENT, g(m, 1), 'addrs')) },
  { name: 'customer.conversations', old: 'cust:<id>:convs', new: 'cust:{ident}:<id>:convs', since: 'd9ce8fa', match: new RegExp(`^cust:${ID}:convs$`), move: rename((m) => taggedKey('cust', IDENT, g(m, 1), 'convs')) },
  { name: 'customer.suggestions', old: 'cust:<id>:sugg', new: 'cust:{ident}:<id>:sugg', since: 'd9ce8fa', match: new RegExp(`^cust:${ID}:sugg$`), move: rename((m) => taggedKey('cust', IDENT, g(m, 1), 'sugg')) },
  { name: 'customer.dismissed', old: 'cust:<id>:sugg:dismissed', new: 'cust:{ident}:<id>:sugg:dismissed', since: 'd9ce8fa', match: new RegExp(`^cust:${ID}:sugg:dismissed$`), move: rename((m) => taggedKey('cust', IDENT, g(m, 1), 'sugg', 'dismissed')) },

  // ---- the desk's directories: one tag each
  { name: 'agent.sessions', old: 'agent:<agent id>:sessions', new: 'sessions:{sessions}:agent:<agent id>', since: 'abdb9f9', match: new RegExp(`^agent:${ID}:sessions$`), move: rename((m) => taggedKey('sessions', 'sessions', 'agent', g(m, 1))) },
  { name: 'agent', old: 'agent:<agent id>', new: 'agent:{agents}:<agent id>', since: 'abdb9f9', match: new RegExp(`^agent:${ID}$`), move: rename((m) => taggedKey('agent', 'agents', g(m, 1))) },
  { name: 'agents.byEmail', old: 'agents:email:<e-mail>', new: 'agents:{agents}:email:<e-mail>', since: 'abdb9f9', match: new RegExp(`^agents:email:${FREE}$`), move: rename((m) => taggedKey('agents', 'agents', 'email', g(m, 1))) },
  { name: 'agents.byTeam', old: 'agents:team:<team>', new: 'agents:{agents}:team:<team>', since: 'abdb9f9', match: new RegExp(`^agents:team:${FREE}$`), move: rename((m) => taggedKey('agents', 'agents', 'team', g(m, 1))) },
  { name: 'agents.all', old: 'agents:all', new: 'agents:{agents}:all', since: 'abdb9f9', match: /^agents:all$/, move: rename(() => taggedKey('agents', 'agents', 'all')) },
  { name: 'session', old: 'session:<token digest>', new: 'session:{sessions}:<token digest>', since: 'abdb9f9', match: new RegExp(`^session:${ID}$`), move: rename((m) => taggedKey('session', 'sessions', g(m, 1))) },
  { name: 'canned.all', old: 'canned:all', new: 'canned:{canned}:all', since: 'abdb9f9', match: /^canned:all$/, move: rename(() => taggedKey('canned', 'canned', 'all')) },
  { name: 'canned.shortcut', old: 'canned:shortcut:<team>:<shortcut>', new: 'canned:{canned}:shortcut:<team>:<shortcut>', since: 'abdb9f9', match: new RegExp(`^canned:shortcut:${FREE}$`), move: rename((m) => taggedKey('canned', 'canned', 'shortcut', g(m, 1))) },
  { name: 'canned', old: 'canned:<id>', new: 'canned:{canned}:<id>', since: 'abdb9f9', match: new RegExp(`^canned:${ID}$`), move: rename((m) => taggedKey('canned', 'canned', g(m, 1))) },
  { name: 'followUps.byStatus', old: 'followups:<open|done>', new: 'followups:{followups}:<open|done>', since: 'abdb9f9', match: /^followups:(open|done)$/, move: rename((m) => taggedKey('followups', 'followups', g(m, 1))) },
  { name: 'followUp', old: 'followup:<id>', new: 'followup:{followups}:<id>', since: 'abdb9f9', match: new RegExp(`^followup:${ID}$`), move: rename((m) => taggedKey('followup', 'followups', g(m, 1))) },
  { name: 'audit.byTarget', old: 'audit:target:<target>', new: 'audit:target:{<target>}', since: 'abdb9f9', match: new RegExp(`^audit:target:${FREE}$`), move: rename((m) => taggedKey('audit:target', g(m, 1))) },
  { name: 'audit.byActor', old: 'audit:actor:<actor>', new: 'audit:actor:{<actor>}', since: 'abdb9f9', match: new RegExp(`^audit:actor:${FREE}$`), move: rename((m) => taggedKey('audit:actor', g(m, 1))) },
  { name: 'deadLetters', old: 'out:dead', new: 'out:dead:{outdead}', since: 'abdb9f9', match: /^out:dead$/, move: rename(() => taggedKey('out:dead', 'outdead')) },
  { name: 'deadLetters.byTime', old: 'out:dead:at', new: 'out:dead:{outdead}:at', since: 'abdb9f9', match: /^out:dead:at$/, move: rename(() => taggedKey('out:dead', 'outdead', 'at')) },

  // ---- inbound lanes and the send schedule: in BUCKETS buckets
  { name: 'inbound.lane', old: 'inbox:lane:<channel>:<address>', new: 'inbox:lane:{lane.<n>}:<channel>:<address>', since: 'c17baed', match: new RegExp(`^inbox:lane:${FREE}$`), move: rename((m) => taggedKey('inbox:lane', laneBucket(g(m, 1)), g(m, 1))) },
  { name: 'inbound.pending', old: 'inbox:pending (set of lanes)', new: 'inbox:pending:{lane.<n>} (one set per bucket)', since: 'c17baed', match: /^inbox:pending$/, move: { kind: 'spread', type: 'set', to: (lane) => taggedKey('inbox:pending', laneBucket(lane)) } },
  { name: 'inbound.lock', old: 'inbox:lock:<channel>:<address>', new: 'inbox:lock:{lane.<n>}:<channel>:<address>', since: 'c17baed', match: new RegExp(`^inbox:lock:${FREE}$`), move: { kind: 'expires', why: 'a lane lease of a stopped instance, seconds long' } },
  { name: 'inbound.dedupe', old: 'dedupe:<channel>:<delivery id>', new: 'dedupe:{lane.<n>}:ids:<lane> (hash per lane)', since: 'c17baed', match: /^dedupe:([^{:][^:]*):([\s\S]+)$/, move: { kind: 'expires', why: 'its lane is not in its name; it only refused retries within DEDUPE_TTL_SECONDS' } },
  { name: 'outbound.lane', old: 'out:lane:{c:<id>}', new: 'out:lane:{out.<n>}:<id>', since: 'c17baed', match: /^out:lane:\{c:([^}]+)\}$/, move: rename((m) => taggedKey('out:lane', outBucket(g(m, 1)), g(m, 1))) },
  { name: 'outbound.jobs', old: 'out:jobs:{c:<id>}', new: 'out:jobs:{out.<n>}:<id>', since: 'c17baed', match: /^out:jobs:\{c:([^}]+)\}$/, move: rename((m) => taggedKey('out:jobs', outBucket(g(m, 1)), g(m, 1))) },
  { name: 'outbound.due', old: 'out:due (sorted set of conversations)', new: 'out:due:{out.<n>} (one per bucket)', since: 'c17baed', match: /^out:due$/, move: { kind: 'spread', type: 'zset', to: (conversationId) => taggedKey('out:due', outBucket(conversationId)) } },
  { name: 'outbound.sendKey', old: 'out:idem:{c:<id>}:<send key>', new: 'out:idem:{<id>}:<send key>', since: 'c17baed', match: /^out:idem:\{c:([^}]+)\}:([\s\S]+)$/, move: rename((m) => taggedKey('out:idem', g(m, 1), g(m, 2))) },
];

/** The kind of an old key name (without the prefix) and the regex match, or undefined for a key that is not old. */
export function classifyKey(name: string): { kind: KeyKind; match: RegExpExecArray } | undefined {
  for (const kind of KEY_KINDS) {
    const match = kind.match.exec(name);
    if (match) return { kind, match };
  }
  return undefined;
}

/** Old names with a fixed spelling: any one present means the store was written by a version before the renames. */
export const FIXED_OLD_NAMES = ['agents:all', 'canned:all', 'followups:open', 'followups:done', 'out:dead', 'out:dead:at', 'inbox:pending', 'out:due'] as const;
