import { conversationTeam } from './teamAccess';
import type { BotTurnOutput } from '../bot/botBrain';
import type { DialogueSignal } from '../bot/dialogue';
import type { Config } from '../config';
import type { ConversationStore } from '../conversations/conversationStore';
import type { FactStore } from '../conversations/factStore';
import type { Conversation, InboundMessageEvent, Message } from '../conversations/types';
import type { ConversationHooks } from '../inbound/handleEvent';
import type { FactRecorder } from '../inbound/recordFacts';
import { routeByLanguage } from './languageRouting';
import { liveRowOf } from './listFilters';
import type { EventBus, LiveEvent } from '../inbox/contracts';
import type { Logger } from '../logger';
import type { DashboardFacts } from '../metrics/aggregates/dashboardFacts';
import type { Metrics } from '../metrics/metrics';
import { languageDetectorFor, LANGUAGE_CONFIDENCE_THRESHOLD } from '../nlu/language';
import type { Catalog } from '../nlu/types';
import type { OutboundService } from '../outbound/outboundService';
import { asksAboutWait, describeOpening, estimateWait, isOpen, nextOpening, queueMessage } from './businessHours';
import { isLowScore, NPS_COMMENT_MAX, npsWhyFor, parseSurveyAnswer, surveyFor, surveyPlan, thanksFor, type SurveyPlan } from './csat';
import type { CrmEnrichment, CrmSnapshot } from './crm';
import { crmIdentifiers } from './crm';
import { asksForPerson, decideEscalation } from './escalation';
import { buildHandoffPacket } from './packet';
import type { PacketStore, WaitStats } from './packetStore';
import { prepareText, scoreSentiment, type PreparedText } from './sentiment';
import {
  DEFAULT_ESCALATION_CONFIG,
  type Agent,
  type AuditLog,
  type CsatScale,
  type EscalationConfig,
  type EscalationDecision,
  PRIORITY_RANK,
  type Priority,
  type Sentiment,
  type Team,
} from './types';

/** A queued customer is reminded where they stand at most this often. */
export const QUEUE_REMINDER_GAP_MS = 60_000;

/** What the handoff needs to know about customers; the identity module provides it. */
export interface IdentityPort {
  customerFor(input: { channel: string; address: string; name?: string; platformUserId?: string }): Promise<{ id: string; name?: string; vip: boolean }>;
  attachConversation(customerId: string, conversationId: string, channel: string, at: number): Promise<void>;
  isVip(customerId: string): Promise<boolean>;
  /** A one-time code typed by the customer: handled (linked, wrong, locked) or not a code at all. */
  tryConfirm(input: { channel: string; address: string; text: string; language: string }): Promise<{ handled: boolean; reply?: string }>;
  suggestLinks(customerId: string, text: string, channel?: string): Promise<void>;
  /** Identity and earlier conversations for the handoff packet. */
  packetCustomer(customerId: string, excludeConversationId: string): Promise<{
    customer: { id: string; name?: string; vip: boolean; addresses: { channel: string; address: string; verified: boolean }[] };
    history: { conversationId: string; channel: string; status: string; startedAt: number; lastMessageAt?: number; preview?: string }[];
  }>;
}

export interface HandoffDeps {
  store: ConversationStore;
  outbound: OutboundService;
  packets: PacketStore;
  /** The conversations' fact sheets (what the customer wrote: order numbers, phones, products…). */
  facts?: Pick<FactStore, 'list'>;
  /** Reads a customer message's facts into its conversation's sheet. */
  recordFacts?: FactRecorder;
  waits: WaitStats;
  bus: EventBus;
  audit: AuditLog;
  /** `list` for language routing (without it, escalations go where the rules say). */
  teams: { get(id: string): Promise<Team | null>; list?(): Promise<Team[]> };
  agents: { get(id: string): Promise<Agent | null>; listByTeam(team: string): Promise<Agent[]> };
  followUps: { open(input: { conversationId: string; team: string; score: number; scale: 'csat5' | 'nps10'; dueAt: number; assigneeId?: string }): Promise<{ id: string }> };
  identity: IdentityPort;
  catalog: () => Catalog;
  /** Reads the bot's dialogue state (misunderstandings, slots, recognised intents). */
  dialogueState: (conversationId: string) => Promise<{ misunderstandings: number; slots: Record<string, string>; recognised: { intent: string; confidence: number; at: number }[]; answered: string[] } | null>;
  /** Forgets misunderstandings when a person hands the conversation back. */
  resetMisunderstandings: (conversationId: string) => Promise<void>;
  config: Pick<Config, 'autoAssign' | 'csat' | 'vipCustomers' | 'escalation'>;
  logger: Logger;
  metrics?: Metrics;
  /** The dashboard's facts decided here: the bot's turns (language, answered) and calls that became conversations. */
  dashboardFacts?: Pick<DashboardFacts, 'botTurn' | 'customerMessage'>;
  clock?: () => number;
  /** CRM enrichment, when configured: asked on the first message (in the background) and at handoff. */
  crm?: Pick<CrmEnrichment, 'refresh' | 'lookup' | 'cached'>;
}

const DAY = 24 * 3600 * 1000;

/**
 * A customer the CRM calls VIP, found only at handoff: the `vip` trigger joins the reasons and the
 * priority goes one step up, as decideEscalation does for a VIP it knew about.
 */
function withVip(decision: Extract<EscalationDecision, { escalate: true }>): Extract<EscalationDecision, { escalate: true }> {
  if (decision.reasons.includes('vip')) return decision;
  const rank = Math.min(PRIORITY_RANK[decision.priority] + 1, PRIORITY_RANK.urgent);
  const priority = (Object.keys(PRIORITY_RANK) as Priority[]).find((p) => PRIORITY_RANK[p] === rank) ?? decision.priority;
  return { ...decision, reasons: [...decision.reasons, 'vip'], priority };
}

function withCrmVip<C extends { vip: boolean }>(customer: C, crm: CrmSnapshot | null | undefined): C {
  return crm?.record?.vip && !customer.vip ? { ...customer, vip: true } : customer;
}

/**
 * The handoff core: decides when a conversation leaves the bot, puts it in the right team's queue
 * with everything the agent needs, tells the customer, assigns it, and runs the survey after it
 * is resolved. Agent actions (claim, reply, transfer…) live in ConversationActionsService.
 */
export class HandoffService implements ConversationHooks {
  readonly escalationConfig: EscalationConfig;
  private readonly now: () => number;

  constructor(readonly deps: HandoffDeps) {
    this.now = deps.clock ?? Date.now;
    this.escalationConfig = {
      ...DEFAULT_ESCALATION_CONFIG,
      angerThreshold: deps.config.escalation.angerThreshold,
      misunderstandingsBeforeHandoff: deps.config.escalation.misunderstandingsBeforeHandoff,
    };
  }

  /**
   * Publishes a live event; one about a conversation carries its team, so streams can scope it, and
   * (conversation and new-message events) the conversation's list row as it now stands, so consoles
   * update their lists in place. `row: false` sends a bare notice (to a team or agent that no longer
   * holds the conversation: they refetch, and see nothing of where it went).
   */
  async publish(event: LiveEvent, opts: { row?: boolean; conv?: Conversation } = {}): Promise<void> {
    const rowed = opts.row !== false && (event.type.startsWith('conversation.') || event.type === 'message.created');
    if ('conversationId' in event && (rowed || !('team' in event && event.team))) {
      // The conversation as the caller just read it (no second read), or as stored now.
      const conv = opts.conv ?? (await this.deps.store.get(event.conversationId).catch(() => null));
      if (conv && !('team' in event && event.team)) event = { ...event, team: conversationTeam(conv, this.escalationConfig.defaultTeam) } as LiveEvent;
      if (conv && rowed) event = { ...event, row: liveRowOf(conv, this.deps.outbound.window(conv, 'agent', 'text')) } as LiveEvent;
    }
    await this.deps.bus.publish(event).catch((err: Error) => this.deps.logger.warn('live event not published', { type: event.type, reason: err.message }));
  }

  // ---------------------------------------------------------------- customer side (hooks)

  async onCustomerMessage(conversation: Conversation, message: Message, event: InboundMessageEvent): Promise<Conversation | null> {
    // Every reply to this message (code check, survey thanks, queue notice, packet) follows its language.
    const conv = await this.followLanguage(await this.ensureCustomer(conversation, event), event.text ?? '');
    if (!conversation.customerId && conv.customerId) this.enrichInBackground(conv);
    this.deps.metrics?.message(conv.channel, 'inbound', 'customer');
    // The conversation was just read with the message: it gives the event its team and list row (no second read).
    // Not waited for (publish never throws): it goes out ahead of the turn's later events, in order.
    void this.publish({ type: 'message.created', conversationId: conv.id, messageId: message.id, direction: message.direction, author: message.author }, { conv });
    await this.deps.dashboardFacts?.customerMessage(conv, message.createdAt);
    const text = event.text ?? '';
    const language = conv.language ?? this.deps.catalog().defaultLanguage;

    if (text && conv.customerId) {
      const code = await this.deps.identity.tryConfirm({ channel: conv.channel, address: conv.customerAddress, text, language });
      if (code.handled) {
        if (code.reply) await this.sendSystem(conv, code.reply);
        return null;
      }
      this.deps.identity.suggestLinks(conv.customerId, text, conv.channel).catch(() => undefined);
    }
    // Every message but a one-time code goes on the fact sheet, whoever owns the conversation, and
    // before an escalation below builds its packet from the sheet.
    await this.deps.recordFacts?.(conv, message);

    switch (conv.status) {
      case 'queued':
        // Nobody has it yet: a customer who asks how long, whether anyone is there, or for a person
        // again is told where they stand (at most once a minute); anything else waits for the agent.
        await this.remindWhereTheyStand(conv, event);
        return null;
      case 'assigned':
        // A person owns it: the agent sees the message live; the bot stays silent.
        return null;
      case 'resolved': {
        if (conv.csat?.status === 'pending' && (await this.recordSurveyAnswer(conv, event))) return null;
        const npsOpen = conv.nps?.status === 'pending' || conv.nps?.status === 'why';
        if (npsOpen && conv.csat?.status !== 'pending' && (await this.recordNpsAnswer((await this.deps.store.get(conv.id)) ?? conv, event))) return null;
        const reopened = await this.deps.store.transition(conv.id, { from: ['resolved'], to: 'bot', reopen: true, set: { assigneeId: null } });
        if (!reopened.ok) return null;
        await this.publish({ type: 'conversation.status', conversationId: conv.id, status: 'bot' });
        return this.preBotEscalation(reopened.conversation, event);
      }
      case 'bot':
        return this.preBotEscalation(conv, event);
    }
  }

  async onBotTurn(conversation: Conversation, outcome: BotTurnOutput, event: InboundMessageEvent): Promise<void> {
    for (const s of outcome.signals) {
      if (s.type === 'answered' && typeof s.intent === 'string') this.deps.metrics?.botAnswer(s.intent);
      if (s.type === 'misunderstood') this.deps.metrics?.fallback(outcome.language);
    }
    if (conversation.status !== 'bot') return;
    await this.deps.dashboardFacts?.botTurn(conversation, outcome.language, outcome.signals.some((s) => s.type === 'answered'));
    const intent = outcome.intent ? this.deps.catalog().intents.find((i) => i.id === outcome.intent!.id) : undefined;
    const signals = outcome.signals as unknown as DialogueSignal[];
    const misunderstood = signals.find((x) => x.type === 'misunderstood') as { consecutive?: number } | undefined;
    const { prepared, sentiment } = this.readText(event);
    const input = {
      text: prepared,
      language: outcome.language,
      signals,
      sentiment,
      customer: { vip: false },
      intent: intent ? { id: intent.id, team: intent.team, handoff: intent.handoff } : null,
      consecutiveMisunderstandings: misunderstood?.consecutive ?? 0,
    };
    // Being a VIP only counts with another trigger or a misunderstanding (and raises the priority):
    // a turn the bot answered plainly skips the VIP lookups (configuration, CRM cache, identity).
    let decision = decideEscalation(input, this.escalationConfig);
    if (decision.escalate || misunderstood) {
      decision = decideEscalation({ ...input, customer: { vip: await this.isVip(conversation) } }, this.escalationConfig);
    }
    if (decision.escalate) await this.escalate(conversation, decision, sentiment, 'bot');
  }

  async onRecorded(conversation: Conversation, message: Message): Promise<void> {
    // A customer message the bot may not answer (Messenger standby: another app holds the thread) still holds facts.
    if (message.author === 'customer') await this.deps.recordFacts?.(conversation, message);
    const team = conversationTeam(conversation, this.escalationConfig.defaultTeam);
    await this.publish({ type: 'message.created', conversationId: conversation.id, messageId: message.id, direction: message.direction, author: message.author, team });
  }

  /** The message's text prepared once, and its sentiment, shared by both escalation checks of a turn. */
  private readonly texts = new WeakMap<InboundMessageEvent, { prepared: PreparedText; sentiment: Sentiment }>();

  private readText(event: InboundMessageEvent): { prepared: PreparedText; sentiment: Sentiment } {
    let read = this.texts.get(event);
    if (!read) {
      const prepared = prepareText(event.text ?? '');
      read = { prepared, sentiment: scoreSentiment(prepared) };
      this.texts.set(event, read);
    }
    return read;
  }

  /**
   * Text-only triggers (asked for a person, anger, abuse) hand off before the bot says anything;
   * anger shown only by an emoji or "!!" on a message with words waits for the bot (decideEscalation).
   */
  private async preBotEscalation(conv: Conversation, event: InboundMessageEvent): Promise<Conversation | null> {
    const text = event.text ?? '';
    if (!text) return conv;
    const language = conv.language ?? this.deps.catalog().defaultLanguage;
    const { prepared, sentiment } = this.readText(event);
    const decision = decideEscalation(
      { text: prepared, language, signals: [], sentiment, customer: { vip: false }, intent: null, consecutiveMisunderstandings: 0, beforeBot: true },
      this.escalationConfig,
    );
    if (!decision.escalate) return conv;
    const escalated = await this.escalate(conv, decision, sentiment, 'customer');
    return escalated ? null : conv;
  }

  /**
   * The conversation takes the language of the customer's latest message when the detector is
   * sure of it (LANGUAGE_CONFIDENCE_THRESHOLD; "ok", "12345" and order numbers stay below), so a
   * message that escalates at once ("mujhe insaan se baat karni hai", or Urdu after English) gets
   * its notice, and the packet its language, in that message's language. While a person owns the
   * conversation, the stored packet follows too.
   */
  private async followLanguage(conv: Conversation, text: string): Promise<Conversation> {
    if (!/\p{L}/u.test(text)) return conv;
    const catalog = this.deps.catalog();
    const guess = languageDetectorFor(catalog).detect(text);
    if (guess.confidence < LANGUAGE_CONFIDENCE_THRESHOLD || !catalog.languages.includes(guess.lang) || guess.lang === conv.language) return conv;
    const updated = await this.deps.store.update(conv.id, { language: guess.lang });
    if (conv.status === 'queued' || conv.status === 'assigned') {
      const packet = await this.deps.packets.get(conv.id);
      if (packet && packet.language !== guess.lang) await this.deps.packets.save({ ...packet, language: guess.lang });
    }
    return updated;
  }

  private async ensureCustomer(conv: Conversation, event: InboundMessageEvent): Promise<Conversation> {
    if (conv.customerId) return conv;
    const customer = await this.deps.identity.customerFor({
      channel: conv.channel,
      address: conv.customerAddress,
      name: event.profileName ?? conv.customerName,
      platformUserId: event.platformUserId,
    });
    await this.deps.identity.attachConversation(customer.id, conv.id, conv.channel, conv.createdAt);
    return this.deps.store.update(conv.id, { customerId: customer.id });
  }

  private async isVip(conv: Conversation): Promise<boolean> {
    if (this.deps.config.vipCustomers.includes(conv.customerAddress)) return true;
    if (conv.customerId && this.deps.config.vipCustomers.includes(conv.customerId)) return true;
    if (conv.customerId && this.deps.crm && (await this.deps.crm.cached(conv.customerId))?.record?.vip) return true;
    return conv.customerId ? this.deps.identity.isVip(conv.customerId) : false;
  }

  // ---------------------------------------------------------------- CRM enrichment

  /** First message: the CRM is asked in the background; nothing waits for it. */
  private enrichInBackground(conv: Conversation): void {
    const crm = this.deps.crm;
    if (!crm || !conv.customerId) return;
    void this.deps.identity
      .packetCustomer(conv.customerId, conv.id)
      .then(({ customer }) => crm.refresh({ event: 'first_message', customer: crmIdentifiers(customer), conversationId: conv.id, channel: conv.channel }))
      .catch((err: Error) => this.deps.logger.warn('crm enrichment not started', { conversationId: conv.id, reason: err.message }));
  }

  /** Handoff: the cached CRM answer, or the CRM's, waiting at most its timeout; null when it has nothing. */
  private async crmForHandoff(conv: Conversation): Promise<CrmSnapshot | null> {
    const crm = this.deps.crm;
    if (!crm || !conv.customerId) return null;
    try {
      const { customer } = await this.deps.identity.packetCustomer(conv.customerId, conv.id);
      return await crm.lookup({ event: 'handoff', customer: crmIdentifiers(customer), conversationId: conv.id, channel: conv.channel });
    } catch (err) {
      this.deps.logger.warn('crm enrichment skipped at handoff', { conversationId: conv.id, reason: (err as Error).message });
      return null;
    }
  }

  // ---------------------------------------------------------------- escalation

  /** Moves a bot conversation to a team's queue with its packet; tells the customer. */
  async escalate(
    conv: Conversation,
    decision: Extract<EscalationDecision, { escalate: true }>,
    sentiment: Sentiment,
    actor: string,
  ): Promise<Conversation | null> {
    const crm = await this.crmForHandoff(conv);
    if (crm?.record?.vip) decision = withVip(decision);
    const now = this.now();
    const chosen = (await this.deps.teams.get(decision.team)) ? decision.team : this.escalationConfig.defaultTeam;
    // A team that states its languages and lacks the customer's yields to one that speaks it.
    const team = conv.language && this.deps.teams.list ? routeByLanguage(chosen, conv.language, await this.deps.teams.list()) : chosen;
    const moved = await this.deps.store.transition(conv.id, {
      from: ['bot'],
      expectToken: conv.ownerToken,
      to: 'queued',
      set: { team, priority: decision.priority, queuedAt: now, escalatedAt: now, escalationReason: decision.reason, assigneeId: null, firstAgentReplyAt: null },
    });
    if (!moved.ok) {
      this.deps.logger.info('escalation skipped: the conversation already changed owner', { conversationId: conv.id });
      return null;
    }
    const queued = moved.conversation;
    await this.savePacket(queued, { ...decision, team }, sentiment, crm);
    await this.systemNote(queued, `Escalated to ${team}: ${decision.reasons.join(', ')} (${decision.priority} priority)`);
    await this.deps.audit.record({ actor, action: 'conversation.escalate', target: `conversation:${queued.id}`, details: { team, reason: decision.reason, priority: decision.priority } });
    await this.publish({ type: 'conversation.escalated', conversationId: queued.id, team, priority: decision.priority, reason: decision.reason });
    this.deps.metrics?.escalation(decision.reason, team);
    this.deps.logger.info('conversation escalated', { conversationId: queued.id, team, reason: decision.reason, priority: decision.priority });

    // An angry customer hears an apology before where they stand.
    await this.tellCustomerWhereTheyStand(queued, { apologise: decision.reasons.includes('negative_sentiment') });
    if (this.deps.config.autoAssign) await this.autoAssign(team);
    return (await this.deps.store.get(queued.id)) ?? queued;
  }

  async savePacket(
    conv: Conversation,
    decision: Extract<EscalationDecision, { escalate: true }>,
    sentiment: Sentiment,
    crmAnswer?: CrmSnapshot | null,
  ): Promise<void> {
    const crm = crmAnswer !== undefined ? crmAnswer : conv.customerId && this.deps.crm ? await this.deps.crm.cached(conv.customerId) : null;
    const [state, messages, who, facts] = await Promise.all([
      this.deps.dialogueState(conv.id),
      this.deps.store.listMessages(conv.id, { limit: 200 }),
      conv.customerId ? this.deps.identity.packetCustomer(conv.customerId, conv.id) : Promise.resolve(null),
      this.deps.facts?.list(conv.id) ?? Promise.resolve([]),
    ]);
    const packet = buildHandoffPacket({
      conversation: conv,
      decision,
      state: state ?? { misunderstandings: 0, slots: {}, recognised: [], answered: [] },
      messages,
      sentiment,
      facts,
      customer: withCrmVip(
        who?.customer ?? { id: conv.customerId ?? conv.id, name: conv.customerName, vip: false, addresses: [{ channel: conv.channel, address: conv.customerAddress, verified: true }] },
        crm,
      ),
      history: who?.history ?? [],
      now: this.now(),
      ...(crm?.record ? { crm: { ...crm.record, fetchedAt: crm.fetchedAt } } : {}),
    });
    await this.deps.packets.save(packet);
  }

  /**
   * A queued customer who asks about the wait ("how long?", "koi hai?", "hello??") or for a person
   * again hears where they stand, unless Baton said something to them in the last
   * QUEUE_REMINDER_GAP_MS (the transcript tells, so every instance agrees).
   */
  private async remindWhereTheyStand(conv: Conversation, event: InboundMessageEvent): Promise<void> {
    if (!event.text) return;
    const { prepared } = this.readText(event);
    if (!asksAboutWait(prepared) && !asksForPerson(prepared)) return;
    const recent = await this.deps.store.listMessages(conv.id, { limit: 6 });
    const now = this.now();
    if (recent.some((m) => m.direction === 'outbound' && m.author !== 'customer' && now - m.createdAt < QUEUE_REMINDER_GAP_MS)) return;
    await this.tellCustomerWhereTheyStand(conv);
  }

  /** "A person is coming (you are number 2, about 4 minutes)" or "we open tomorrow at 10:00". */
  async tellCustomerWhereTheyStand(conv: Conversation, opts: { apologise?: boolean } = {}): Promise<void> {
    if (!conv.team) return;
    const language = conv.language ?? this.deps.catalog().defaultLanguage;
    const team = await this.deps.teams.get(conv.team);
    const at = new Date(this.now());
    const open = isOpen(team?.businessHours, at);
    let text: string;
    if (open) {
      const [position, agents, waits] = await Promise.all([
        this.deps.store.queuePosition(conv.id, conv.team),
        this.deps.agents.listByTeam(conv.team),
        this.deps.waits.recent(conv.team),
      ]);
      const online = agents.filter((a) => a.presence === 'online' && !a.disabled).length;
      const { minutes } = estimateWait({ position: position ?? 1, recentWaitsMs: waits, onlineAgents: online });
      text = queueMessage({ lang: language, position: position ?? 1, minutes, open: true, apologise: opts.apologise });
    } else {
      const opens = nextOpening(team?.businessHours, at);
      text = queueMessage({
        lang: language,
        position: null,
        minutes: null,
        open: false,
        apologise: opts.apologise,
        opensAt: opens && team?.businessHours ? describeOpening(opens, team.businessHours.timeZone, language, at) : undefined,
      });
    }
    await this.sendSystem(conv, text);
  }

  /** Gives queued conversations to the least busy online agents with room, in queue order. */
  async autoAssign(team: string): Promise<void> {
    const agents = (await this.deps.agents.listByTeam(team)).filter((a) => a.presence === 'online' && !a.disabled);
    if (agents.length === 0) return;
    for (;;) {
      const loads = await Promise.all(agents.map(async (a) => ({ agent: a, load: (await this.deps.store.agentLoad(a.id)).length })));
      const free = loads.filter((l) => l.load < l.agent.capacity).sort((x, y) => x.load - y.load || x.agent.id.localeCompare(y.agent.id));
      const head = (await this.deps.store.queue(team, 1))[0];
      if (!free[0] || !head) return;
      const assigned = await this.assign(head, free[0].agent, 'system');
      if (!assigned) return;
    }
  }

  /** queued (or bot) → assigned to an agent; records the wait for estimates. */
  async assign(conversationId: string, agent: Agent, actor: string, from: Conversation['status'][] = ['queued']): Promise<Conversation | null> {
    const now = this.now();
    const before = await this.deps.store.get(conversationId);
    if (!before) return null;
    const r = await this.deps.store.transition(conversationId, {
      from,
      expectToken: before.ownerToken,
      to: 'assigned',
      // Taken straight from the bot: it joins the agent's (first) team.
      set: { assigneeId: agent.id, assignedAt: now, ...(before.team ? {} : { team: agent.teams[0] ?? this.escalationConfig.defaultTeam }) },
    });
    if (!r.ok) return null;
    const conv = r.conversation;
    if (r.previous.status === 'queued' && r.previous.queuedAt && conv.team) await this.deps.waits.record(conv.team, now - r.previous.queuedAt);
    await this.systemNote(conv, `Assigned to ${agent.name}`);
    await this.deps.audit.record({ actor, action: 'conversation.assign', target: `conversation:${conv.id}`, details: { agentId: agent.id, team: conv.team } });
    await this.publish({ type: 'conversation.assigned', conversationId: conv.id, agentId: agent.id, team: conv.team ?? '' });
    return conv;
  }

  // ---------------------------------------------------------------- resolve and CSAT

  /** Sends the satisfaction survey after resolving (CSAT, NPS or CSAT then NPS, per team), respecting the channel's window. */
  async sendSurvey(conv: Conversation): Promise<void> {
    const plan = await this.surveyPlanFor(conv);
    if (plan.csat) await this.sendCsat(conv, plan.csat);
    else if (plan.nps) await this.sendNps(conv);
  }

  private async surveyPlanFor(conv: Conversation): Promise<SurveyPlan> {
    const team = conv.team ? await this.deps.teams.get(conv.team) : null;
    return surveyPlan(team?.survey, this.deps.config.csat.scale);
  }

  private async sendCsat(conv: Conversation, scale: CsatScale): Promise<void> {
    const language = conv.language ?? this.deps.catalog().defaultLanguage;
    // Choose text or template by the window; the send itself is checked again by OutboundService.
    const verdict = this.deps.outbound.window(conv, 'system', 'text');
    const askedAt = this.now();
    try {
      if (verdict.allowed) {
        const survey = surveyFor(scale, language, conv.channel);
        await this.deps.outbound.send({
          conversation: conv,
          author: 'system',
          content: { text: survey.text, quickReplies: survey.quickReplies },
          fence: conv.ownerToken,
          meta: { survey: scale },
        });
      } else if (conv.channel === 'whatsapp' && this.deps.config.csat.templateSid) {
        await this.deps.outbound.send({
          conversation: conv,
          author: 'system',
          content: { template: { contentSid: this.deps.config.csat.templateSid } },
          fence: conv.ownerToken,
          meta: { survey: scale },
        });
      } else {
        await this.deps.store.update(conv.id, { csat: { status: 'skipped', scale, skippedReason: verdict.reason ?? 'the channel window is closed' } });
        return;
      }
      await this.deps.store.update(conv.id, { csat: { status: 'pending', scale, askedAt } });
    } catch (err) {
      await this.deps.store.update(conv.id, { csat: { status: 'skipped', scale, skippedReason: `survey could not be sent: ${(err as Error).message}` } });
    }
  }

  /** The NPS question (0–10) in the customer's language; only inside the channel's window. */
  private async sendNps(conv: Conversation): Promise<void> {
    const language = conv.language ?? this.deps.catalog().defaultLanguage;
    const current = (await this.deps.store.get(conv.id)) ?? conv;
    const verdict = this.deps.outbound.window(current, 'system', 'text');
    if (!verdict.allowed) {
      await this.deps.store.update(conv.id, { nps: { status: 'skipped', skippedReason: verdict.reason ?? 'the channel window is closed' } });
      return;
    }
    const askedAt = this.now();
    try {
      const survey = surveyFor('nps10', language, current.channel);
      await this.deps.outbound.send({
        conversation: current,
        author: 'system',
        content: { text: survey.text, quickReplies: survey.quickReplies },
        fence: current.ownerToken,
        meta: { survey: 'nps10' },
      });
      await this.deps.store.update(conv.id, { nps: { status: 'pending', askedAt } });
    } catch (err) {
      await this.deps.store.update(conv.id, { nps: { status: 'skipped', skippedReason: `survey could not be sent: ${(err as Error).message}` } });
    }
  }

  /**
   * The NPS score (then the answer to "why?"). True when the message was recorded as such; false
   * when it was something else (the survey is then skipped and the conversation goes on as usual).
   */
  private async recordNpsAnswer(conv: Conversation, event: InboundMessageEvent): Promise<boolean> {
    const nps = conv.nps!;
    const language = conv.language ?? this.deps.catalog().defaultLanguage;
    if (nps.status === 'why') {
      const comment = (event.text ?? '').trim().slice(0, NPS_COMMENT_MAX);
      if (!comment) return false;
      const updated = await this.deps.store.update(conv.id, { nps: { ...nps, status: 'answered', comment } });
      await this.sendSystem(updated, thanksFor(language));
      return true;
    }
    const answer = parseSurveyAnswer(event.payload ?? event.text ?? '', 'nps10');
    if (!answer) {
      await this.deps.store.update(conv.id, { nps: { ...nps, status: 'skipped', skippedReason: 'the customer wrote something else instead of a score' } });
      return false;
    }
    const answeredAt = this.now();
    const updated = await this.deps.store.update(conv.id, {
      nps: { ...nps, status: answer.comment ? 'answered' : 'why', score: answer.score, comment: answer.comment, answeredAt },
    });
    this.deps.metrics?.csat(answer.score, 'nps10');
    await this.deps.audit.record({ actor: 'customer', action: 'nps.answer', target: `conversation:${conv.id}`, details: { score: answer.score } });
    await this.sendSystem(updated, answer.comment ? thanksFor(language) : npsWhyFor(language));
    if (isLowScore(answer.score, 'nps10')) await this.openLowScoreFollowUp(conv, answer.score, 'nps10', answeredAt);
    await this.publish({ type: 'conversation.status', conversationId: conv.id, status: 'resolved', team: conv.team });
    return true;
  }

  /** A low score (CSAT 1–2, NPS 0–6) opens a 24-hour follow-up for the team lead. */
  private async openLowScoreFollowUp(conv: Conversation, score: number, scale: CsatScale, answeredAt: number): Promise<void> {
    const team = conv.team ?? this.escalationConfig.defaultTeam;
    const lead = (await this.deps.teams.get(team))?.leadAgentId;
    const followUp = await this.deps.followUps.open({ conversationId: conv.id, team, score, scale, dueAt: answeredAt + DAY, assigneeId: lead });
    await this.publish({ type: 'followup.opened', followUpId: followUp.id, conversationId: conv.id, team });
  }

  /** True when the message was the survey's answer (recorded); false when it was something else. */
  private async recordSurveyAnswer(conv: Conversation, event: InboundMessageEvent): Promise<boolean> {
    const csat = conv.csat!;
    const answer = parseSurveyAnswer(event.payload ?? event.text ?? '', csat.scale);
    if (!answer) {
      await this.deps.store.update(conv.id, { csat: { ...csat, status: 'skipped', skippedReason: 'the customer wrote something else instead of a score' } });
      return false;
    }
    const answeredAt = this.now();
    const updated = await this.deps.store.update(conv.id, {
      csat: { ...csat, status: 'answered', score: answer.score, comment: answer.comment, answeredAt },
    });
    this.deps.metrics?.csat(answer.score, csat.scale);
    await this.deps.audit.record({ actor: 'customer', action: 'csat.answer', target: `conversation:${conv.id}`, details: { score: answer.score, scale: csat.scale } });
    const language = conv.language ?? this.deps.catalog().defaultLanguage;
    const npsNext = (await this.surveyPlanFor(conv)).nps;
    if (npsNext) await this.sendNps(updated);
    else await this.sendSystem(updated, thanksFor(language));
    if (isLowScore(answer.score, csat.scale)) await this.openLowScoreFollowUp(conv, answer.score, csat.scale, answeredAt);
    await this.publish({ type: 'conversation.status', conversationId: conv.id, status: 'resolved', team: conv.team });
    return true;
  }

  // ---------------------------------------------------------------- sending helpers

  /** A message from Baton itself (queue position, survey thanks), fenced on the current owner. */
  async sendSystem(conv: Conversation, text: string): Promise<void> {
    const current = (await this.deps.store.get(conv.id)) ?? conv;
    try {
      const m = await this.deps.outbound.send({ conversation: current, author: 'system', content: { text }, fence: current.ownerToken });
      await this.publish({ type: 'message.created', conversationId: conv.id, messageId: m.id, direction: 'outbound', author: 'system' });
    } catch (err) {
      this.deps.logger.warn('system message not sent', { conversationId: conv.id, reason: (err as Error).message });
    }
  }

  /** An internal line on the transcript (escalated, assigned, transferred), never sent. */
  async systemNote(conv: Conversation, text: string, author: 'system' | 'agent' = 'system', agentId?: string): Promise<Message> {
    const { message } = await this.deps.store.appendMessage(conv, {
      direction: 'internal',
      author,
      agentId,
      text,
      media: [],
      status: 'received',
      meta: { note: author === 'agent', event: author === 'system' },
    });
    await this.publish({ type: 'message.created', conversationId: conv.id, messageId: message.id, direction: 'internal', author });
    return message;
  }
}
