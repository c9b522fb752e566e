import type { ConversationPatch, OwnershipTransition } from '../../conversations/conversationStore';
import type { Conversation } from '../../conversations/types';
import { bucketOf } from './histogram';
import { dayOf } from './days';

/**
 * The facts the dashboard counts, derived from what the store just wrote (pure functions: the
 * same write always gives the same facts, so a redelivered event gives the same markers).
 *
 * A fact about a conversation is counted in the day (DASHBOARD_TIME_ZONE) the conversation was
 * OPENED (`createdAt`): a period's figures are about the conversations opened in it, as before.
 * Calls are the exception: a deflected call counts on the day of the call.
 *
 * Every fact carries a marker; the writer applies a fact only the first time its marker is seen
 * for that conversation and day (aggregateStore.ts), so replays and several instances never count
 * twice. Markers, and what each counts (per scope: `all`, `ch:<channel>`, the conversation's team
 * and language, and for agent facts `agent:<id>`):
 *
 * - `opened`: conversations 1 (team `bot` until escalated; language once known).
 * - `escalated` (the first escalation): escalated 1, reason:<reason> 1; the conversation moves from
 *   team `bot` to the team it was escalated to (its team for every later fact).
 * - `replied` (the first reply by a person at or after the first escalation): replied 1, and the
 *   first-response time (reply − escalation, ms) in frtSum / frtN; the agent is the one who owned
 *   the conversation when replying. Scope `all` also counts it in the histogram `frt#<bucket>`.
 * - `resolved` (the first resolution): resolved 1, and the resolution time (resolved − opened, ms)
 *   in resSum / resN; scope `all` also in the histogram `res#<bucket>`.
 *
 * Histograms (medians, p90) are kept for the whole desk only (`all`, per day): per channel, team,
 * language and agent there are means. A histogram per scope and day would multiply what a 30-day
 * read must fetch by the number of scopes.
 * - `handle:<resolvedAt>` (each resolution by an agent): handled 1, ahtSum (resolved − assigned,
 *   ms), ahtN 1, for the agent who held it.
 * - `reopened` (the first reopening): reopened 1.
 * - `csat`: csat5:<score> or nps10:<score> 1 (also for the agent who held it); `csatSkipped`: 1.
 * - `nps`: nps:<score> 1 (once the 0–10 score is in; also for the agent).
 * - `bot` (the first bot turn that answered): botAnswered 1.
 * - `call:<callSid>`: callsDeflected 1; `callConv:<callSid>` (the customer wrote after that call):
 *   callsConverted 1 — both on the day of the call, scopes `all` and the channel only.
 */

export type Increment = [scope: string, field: string, delta: number];

export interface FactGroup {
  marker: string;
  inc: Increment[];
}

export interface FactWrite {
  day: string;
  conversationId: string;
  /** Pins the conversation's language (the first one given wins), counting it in that language. */
  language?: string;
  /** Pins the conversation's team (escalation), moving it out of team `bot`. */
  team?: string;
  groups: FactGroup[];
}

/** Scope placeholders the writer replaces by the conversation's pinned team and language. */
export const TEAM_SCOPE = '@team';
export const LANG_SCOPE = '@lang';

/** Names in keys and fields: no separators (`|`, `:`, braces) from user-chosen ids. */
export function safeName(s: string): string {
  return s.replace(/[|:{}\s]/g, '_').slice(0, 64) || '_';
}

function base(c: Conversation): string[] {
  return ['all', `ch:${c.channel}`, TEAM_SCOPE, LANG_SCOPE];
}

function withAgent(c: Conversation, agentId = c.assigneeId): string[] {
  return agentId ? [...base(c), `agent:${safeName(agentId)}`] : base(c);
}

function incs(scopes: string[], fields: [string, number][]): Increment[] {
  return scopes.flatMap((s) => fields.map(([f, d]): Increment => [s, f, d]));
}

const write = (c: Conversation, timeZone: string, groups: FactGroup[], pins: { language?: string; team?: string } = {}): FactWrite => ({
  day: dayOf(c.createdAt, timeZone),
  conversationId: c.id,
  ...(pins.language ? { language: safeName(pins.language) } : {}),
  ...(pins.team ? { team: safeName(pins.team) } : {}),
  groups,
});

export function openedFacts(c: Conversation, timeZone: string): FactWrite {
  return write(c, timeZone, [{ marker: 'opened', inc: incs(['all', `ch:${c.channel}`, TEAM_SCOPE], [['conversations', 1]]) }]);
}

/** Facts of an ownership change the store accepted. */
export function transitionFacts(
  previous: Conversation,
  current: Conversation,
  change: OwnershipTransition,
  timeZone: string,
  defaultLanguage: string,
): FactWrite | null {
  const groups: FactGroup[] = [];
  let pins: { language?: string; team?: string } = {};
  const set = change.set ?? {};
  if (change.to === 'queued' && previous.status === 'bot' && 'escalatedAt' in set && current.escalatedAt !== undefined) {
    const reason = safeName(current.escalationReason ?? 'unknown');
    pins = { team: current.team ?? 'unassigned', language: current.language ?? defaultLanguage };
    groups.push({ marker: 'escalated', inc: incs(base(current), [['escalated', 1], [`reason:${reason}`, 1]]) });
  }
  if (change.to === 'resolved' && current.resolvedAt !== undefined) {
    const ms = current.resolvedAt - current.createdAt;
    const res = bucketOf(ms);
    const timed: [string, number][] = res === null ? [] : [['resSum', ms], ['resN', 1]];
    groups.push({ marker: 'resolved', inc: [...incs(base(current), [['resolved', 1], ...timed]), ...(res === null ? [] : ([['all', `res#${res}`, 1]] as Increment[]))] });
    if (current.assigneeId && current.assignedAt !== undefined && current.resolvedAt >= current.assignedAt) {
      const aht = current.resolvedAt - current.assignedAt;
      groups.push({
        marker: `handle:${current.resolvedAt}`,
        inc: incs(withAgent(current), [['handled', 1], ['ahtSum', aht], ['ahtN', 1]]),
      });
    }
  }
  if (change.reopen && previous.status === 'resolved') groups.push({ marker: 'reopened', inc: incs(base(current), [['reopened', 1]]) });
  return groups.length ? write(current, timeZone, groups, pins) : null;
}

const isScore = (s: unknown, max: number): s is number => typeof s === 'number' && Number.isInteger(s) && s >= (max === 5 ? 1 : 0) && s <= max;

/** Facts of a patch the store applied (`c` is the conversation after it). */
export function updateFacts(c: Conversation, patch: ConversationPatch, timeZone: string): FactWrite[] {
  const out: FactWrite[] = [];
  const groups: FactGroup[] = [];
  if (patch.firstAgentReplyAt !== undefined && c.escalatedAt !== undefined && patch.firstAgentReplyAt >= c.escalatedAt) {
    const ms = patch.firstAgentReplyAt - c.escalatedAt;
    groups.push({ marker: 'replied', inc: [...incs(withAgent(c), [['replied', 1], ['frtSum', ms], ['frtN', 1]]), ['all', `frt#${bucketOf(ms)}`, 1]] });
  }
  if (patch.csat?.status === 'answered' && isScore(patch.csat.score, patch.csat.scale === 'csat5' ? 5 : 10)) {
    groups.push({ marker: 'csat', inc: incs(withAgent(c), [[`${patch.csat.scale}:${patch.csat.score}`, 1]]) });
  }
  if (patch.csat?.status === 'skipped') groups.push({ marker: 'csatSkipped', inc: incs(base(c), [['csatSkipped', 1]]) });
  if (patch.nps && (patch.nps.status === 'why' || patch.nps.status === 'answered') && isScore(patch.nps.score, 10)) {
    groups.push({ marker: 'nps', inc: incs(withAgent(c), [[`nps:${patch.nps.score}`, 1]]) });
  }
  if (groups.length || patch.language) out.push(write(c, timeZone, groups, patch.language ? { language: patch.language } : {}));
  if (patch.callDeflection) {
    const call = patch.callDeflection;
    out.push({
      day: dayOf(call.at, timeZone),
      conversationId: c.id,
      groups: [{ marker: `call:${safeName(call.callSid)}`, inc: incs(['all', `ch:${c.channel}`], [['callsDeflected', 1]]) }],
    });
  }
  return out;
}

/** A bot turn: pins the language the bot answered in; the first answered turn counts. */
export function botTurnFacts(c: Conversation, language: string, answered: boolean, timeZone: string): FactWrite {
  return write(c, timeZone, answered ? [{ marker: 'bot', inc: incs(base(c), [['botAnswered', 1]]) }] : [], { language });
}

/** A customer message: when it came after a deflected call, that call became a conversation. */
export function customerMessageFacts(c: Conversation, messageAt: number, timeZone: string): FactWrite | null {
  const call = c.callDeflection;
  if (!call || messageAt <= call.at) return null;
  return {
    day: dayOf(call.at, timeZone),
    conversationId: c.id,
    groups: [{ marker: `callConv:${safeName(call.callSid)}`, inc: incs(['all', `ch:${c.channel}`], [['callsConverted', 1]]) }],
  };
}
