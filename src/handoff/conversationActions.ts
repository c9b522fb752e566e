import type { Conversation, Message } from '../conversations/types';
import { BatonError } from '../errors';
import type {
  AgentReply,
  ConversationActions,
  ConversationDetail,
  ConversationListItem,
  ConversationListQuery,
  CustomerView,
  TransferRequest,
} from '../inbox/contracts';
import type { HandoffService } from './handoffService';
import { listItemOf, matchesListFilters } from './listFilters';
import type { Agent } from './types';

export interface ActionsDeps {
  handoff: HandoffService;
  templates: Record<string, { contentSid?: string; language?: string; variables: string[]; description?: string }>;
  /** Agents' uploads: the media reference of an upload of this conversation (NOT_FOUND for any other). */
  uploads?: { mediaRef(conversationId: string, uploadId: string): Promise<string> };
  /** The customer as `viewer` may see them (their conversations filtered by team scope). */
  customerView: (customerId: string, viewer: Agent) => Promise<CustomerView | null>;
  clock?: () => number;
  /** After an agent's reply went out (the training inbox reads it); must not throw. */
  onAgentReply?: (conversation: Conversation, reply: Message) => Promise<void>;
}

/**
 * What agents do to conversations, with every rule checked before anything changes: only the
 * owner replies, channel windows decide what may be sent, and ownership moves atomically.
 */
export class ConversationActionsService implements ConversationActions {
  private readonly now: () => number;

  constructor(private readonly deps: ActionsDeps) {
    this.now = deps.clock ?? Date.now;
  }

  private get h() {
    return this.deps.handoff;
  }

  private async load(id: string): Promise<Conversation> {
    const conv = await this.h.deps.store.get(id);
    if (!conv) throw new BatonError('NOT_FOUND', `No conversation ${id}`);
    return conv;
  }

  private windowOf(conv: Conversation) {
    return this.h.deps.outbound.window(conv, 'agent', 'text');
  }

  async list(query: ConversationListQuery, actor: Agent): Promise<ConversationListItem[]> {
    const limit = Math.min(query.limit ?? 100, 500);
    const now = this.now();
    const { visible, ids, status, limit: _limit, ...filters } = query;
    const passes = (c: Conversation) => matchesListFilters(c, filters, now) && (!visible || visible(c));
    // An agent's list reads only the indexes of their teams (and what they hold); the bot's
    // conversations without a team count as the default team's, as canSeeConversation says.
    const defaultTeam = this.h.escalationConfig.defaultTeam;
    const scope = visible && actor.role !== 'admin' ? { teams: actor.teams.flatMap((t) => (t === defaultTeam ? [t, ''] : [t])), agentId: actor.id } : undefined;
    const items = ids
      ? (await Promise.all(ids.slice(0, 500).map((id) => this.h.deps.store.get(id))))
          .filter((c): c is Conversation => c !== null && (!status || c.status === status) && passes(c))
          .slice(0, limit)
      : await this.h.deps.store.list({
          status,
          ...(filters.channel !== undefined ? { channel: filters.channel } : {}),
          ...(filters.team !== undefined ? { team: filters.team } : {}),
          ...(filters.assignee !== undefined ? { assignee: filters.assignee } : {}),
          ...(scope ? { scope } : {}),
          where: passes,
          limit,
        });
    if (status === 'queued' && !ids) {
      const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;
      items.sort((a, b) => rank[a.priority ?? 'normal'] - rank[b.priority ?? 'normal'] || (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
    }
    return items.map((c) => listItemOf(c, this.windowOf(c)));
  }

  async detail(id: string, actor: Agent): Promise<ConversationDetail> {
    const conv = await this.load(id);
    const [stored, messages, customer, facts] = await Promise.all([
      this.h.deps.packets.get(id),
      this.h.deps.store.listMessages(id),
      conv.customerId ? this.deps.customerView(conv.customerId, actor) : Promise.resolve(null),
      this.h.deps.facts?.list(id),
    ]);
    // The packet is a snapshot of the escalation; the facts are the sheet as it stands now, so what the
    // customer wrote while queued or assigned shows up too.
    const packet = stored && facts ? { ...stored, facts } : stored;
    return { conversation: { ...conv, window: this.windowOf(conv) }, packet, messages, customer };
  }

  async claim(id: string, actor: Agent): Promise<Conversation> {
    const conv = await this.load(id);
    if (conv.status === 'assigned' && conv.assigneeId === actor.id) return conv;
    if (conv.status === 'assigned') throw new BatonError('CONFLICT', `Conversation ${id} is already assigned to another agent; ask an admin to transfer it`);
    if (conv.status === 'resolved') throw new BatonError('CONFLICT', `Conversation ${id} is resolved; it reopens when the customer writes again`);
    // An agent may also take a conversation straight from the bot.
    const claimed = await this.h.assign(id, actor, actor.id, ['queued', 'bot']);
    if (!claimed) throw new BatonError('CONFLICT', `Conversation ${id} changed while you were claiming it; refresh and try again`);
    return claimed;
  }

  private async owned(id: string, actor: Agent): Promise<Conversation> {
    const conv = await this.load(id);
    if (conv.status !== 'assigned' || conv.assigneeId !== actor.id) {
      throw new BatonError('NOT_OWNER', `You don't own conversation ${id}: claim it first (status: ${conv.status}${conv.assigneeId ? `, assigned to ${conv.assigneeId}` : ''})`);
    }
    return conv;
  }

  async reply(id: string, actor: Agent, reply: AgentReply): Promise<Message> {
    const conv = await this.owned(id, actor);
    let content: { text?: string; mediaUrls?: string[]; template?: { contentSid?: string; name?: string; language?: string; variables?: Record<string, string> } };
    if (reply.template) {
      const t = this.deps.templates[reply.template.name];
      if (!t) {
        const known = Object.keys(this.deps.templates);
        throw new BatonError('TEMPLATE_UNKNOWN', `No template named "${reply.template.name}"; configured: ${known.length ? known.join(', ') : 'none (set WHATSAPP_TEMPLATES)'}`);
      }
      const missing = t.variables.filter((v) => !(reply.template!.variables ?? {})[v]);
      if (missing.length) throw new BatonError('VALIDATION_FAILED', `Template "${reply.template.name}" needs variables: ${missing.join(', ')}`);
      content = {
        template: {
          ...(t.contentSid ? { contentSid: t.contentSid } : {}),
          name: reply.template.name,
          language: t.language ?? 'en',
          ...(reply.template.variables ? { variables: reply.template.variables } : {}),
        },
      };
    } else {
      const media = [...(reply.mediaUrl ? [reply.mediaUrl] : []), ...(reply.uploadId ? [await this.uploadRef(id, reply.uploadId)] : [])];
      content = { text: reply.text, mediaUrls: media.length ? media : undefined };
    }
    const message = await this.h.deps.outbound.send({
      conversation: conv,
      author: 'agent',
      agentId: actor.id,
      content,
      fence: conv.ownerToken,
      meta: reply.template ? { templateName: reply.template.name } : undefined,
    });
    if (!conv.firstAgentReplyAt && message.status !== 'failed') {
      await this.h.deps.store.update(id, { firstAgentReplyAt: message.createdAt });
      if (conv.escalatedAt && conv.escalatedAt <= message.createdAt) this.h.deps.metrics?.firstResponse((message.createdAt - conv.escalatedAt) / 1000);
    }
    await this.h.deps.audit.record({ actor: actor.id, action: 'conversation.reply', target: `conversation:${id}`, details: { messageId: message.id, template: reply.template?.name, status: message.status } });
    await this.h.publish({ type: 'message.created', conversationId: id, messageId: message.id, direction: 'outbound', author: 'agent' });
    if (message.status !== 'failed' && message.text) await this.deps.onAgentReply?.(conv, message);
    return message;
  }

  private async uploadRef(conversationId: string, uploadId: string): Promise<string> {
    if (!this.deps.uploads) throw new BatonError('NOT_FOUND', `No upload ${uploadId}: uploads are not enabled on this server`);
    return this.deps.uploads.mediaRef(conversationId, uploadId);
  }

  async note(id: string, actor: Agent, text: string): Promise<Message> {
    const conv = await this.load(id);
    const note = await this.h.systemNote(conv, text, 'agent', actor.id);
    await this.h.deps.audit.record({ actor: actor.id, action: 'conversation.note', target: `conversation:${id}`, details: { messageId: note.id } });
    return note;
  }

  async transfer(id: string, actor: Agent, request: TransferRequest): Promise<Conversation> {
    const conv = await this.load(id);
    if (conv.status !== 'queued' && conv.status !== 'assigned') {
      throw new BatonError('CONFLICT', `Only queued or assigned conversations can be transferred (this one is ${conv.status})`);
    }
    if (conv.status === 'assigned' && conv.assigneeId !== actor.id && actor.role !== 'admin') {
      throw new BatonError('NOT_OWNER', `Conversation ${id} belongs to another agent; only they or an admin can transfer it`);
    }
    let result: Conversation;
    if (request.agentId) {
      const target = await this.h.deps.agents.get(request.agentId);
      if (!target || target.disabled) throw new BatonError('NOT_FOUND', `No active agent ${request.agentId}`);
      const moved = await this.h.deps.store.transition(id, {
        from: ['queued', 'assigned'],
        expectToken: conv.ownerToken,
        to: 'assigned',
        set: { assigneeId: target.id, assignedAt: this.now(), ...(target.teams.includes(conv.team ?? '') ? {} : { team: target.teams[0] ?? conv.team ?? null }) },
      });
      if (!moved.ok) throw new BatonError('CONFLICT', `Conversation ${id} changed meanwhile; refresh and try again`);
      result = moved.conversation;
      await this.h.publish({ type: 'conversation.assigned', conversationId: id, agentId: target.id, team: result.team ?? '' });
    } else {
      const team = request.team!;
      if (!(await this.h.deps.teams.get(team))) throw new BatonError('NOT_FOUND', `No team ${team}`);
      const moved = await this.h.deps.store.transition(id, {
        from: ['queued', 'assigned'],
        expectToken: conv.ownerToken,
        to: 'queued',
        set: { team, assigneeId: null, queuedAt: this.now() },
      });
      if (!moved.ok) throw new BatonError('CONFLICT', `Conversation ${id} changed meanwhile; refresh and try again`);
      result = moved.conversation;
      await this.h.publish({ type: 'conversation.status', conversationId: id, status: 'queued', team });
      await this.h.tellCustomerWhereTheyStand(result);
      if (this.h.deps.config.autoAssign) await this.h.autoAssign(team);
    }
    if (conv.team && conv.team !== result.team) {
      // The team (and agent) that held it get a bare notice: their consoles drop it from their lists, and learn nothing of where it went.
      await this.h.publish({ type: 'conversation.status', conversationId: id, status: result.status, team: conv.team, ...(conv.assigneeId ? { assigneeId: conv.assigneeId } : {}) }, { row: false });
    }
    const to = request.agentId ? `agent ${request.agentId}` : `team ${request.team}`;
    await this.h.systemNote(result, `Transferred to ${to} by ${actor.name}${request.note ? `: ${request.note}` : ''}`);
    await this.h.deps.audit.record({ actor: actor.id, action: 'conversation.transfer', target: `conversation:${id}`, details: { ...request } });
    return (await this.h.deps.store.get(id)) ?? result;
  }

  async handback(id: string, actor: Agent): Promise<Conversation> {
    const conv = await this.load(id);
    if (conv.status === 'assigned' && conv.assigneeId !== actor.id && actor.role !== 'admin') {
      throw new BatonError('NOT_OWNER', `Conversation ${id} belongs to another agent`);
    }
    const moved = await this.h.deps.store.transition(id, {
      from: ['queued', 'assigned'],
      expectToken: conv.ownerToken,
      to: 'bot',
      set: { assigneeId: null, queuedAt: null, priority: null },
    });
    if (!moved.ok) throw new BatonError('CONFLICT', `Conversation ${id} can't be handed back from status ${moved.conversation.status}`);
    await this.h.deps.resetMisunderstandings(id);
    await this.h.systemNote(moved.conversation, `Handed back to the bot by ${actor.name}`);
    await this.h.deps.audit.record({ actor: actor.id, action: 'conversation.handback', target: `conversation:${id}` });
    await this.h.publish({ type: 'conversation.status', conversationId: id, status: 'bot' });
    return moved.conversation;
  }

  async resolve(id: string, actor: Agent): Promise<Conversation> {
    const conv = await this.load(id);
    if (conv.status === 'resolved') return conv;
    if (conv.status === 'assigned' && conv.assigneeId !== actor.id && actor.role !== 'admin') {
      throw new BatonError('NOT_OWNER', `Conversation ${id} belongs to another agent`);
    }
    const moved = await this.h.deps.store.transition(id, {
      from: ['bot', 'queued', 'assigned'],
      expectToken: conv.ownerToken,
      to: 'resolved',
      set: { resolvedAt: this.now() },
    });
    if (!moved.ok) throw new BatonError('CONFLICT', `Conversation ${id} changed meanwhile; refresh and try again`);
    const resolved = moved.conversation;
    if (resolved.assignedAt && resolved.resolvedAt) this.h.deps.metrics?.handleTime((resolved.resolvedAt - resolved.assignedAt) / 1000);
    await this.h.systemNote(moved.conversation, `Resolved by ${actor.name}`);
    await this.h.deps.audit.record({ actor: actor.id, action: 'conversation.resolve', target: `conversation:${id}` });
    await this.h.publish({ type: 'conversation.status', conversationId: id, status: 'resolved', team: moved.conversation.team });
    await this.h.sendSurvey(moved.conversation);
    return (await this.h.deps.store.get(id)) ?? moved.conversation;
  }
}
