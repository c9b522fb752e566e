import type { RequestHandler, Response } from 'express';
import type { Conversation } from '../../conversations/types';
import { BatonError } from '../../errors';
import { canSeeConversation, conversationTeam } from '../../handoff/teamAccess';
import type { Agent } from '../../handoff/types';
import { authOf } from '../auth/requireAgent';

/**
 * Team scoping for the route layer, in one place. Admins see everything; an agent sees and acts
 * on the conversations of their teams (or assigned to them), and on the customers of those
 * conversations. Acting on a customer's identity (merging, sending a verification code) needs an
 * admin, or a conversation of that customer the agent owns (assigned to them).
 *
 * Routes declare what they touch (RouteSpec.scope, or these middlewares on the customer router);
 * the handlers never repeat the check.
 */
export interface TeamScopeDeps {
  conversation(id: string): Promise<Conversation | null>;
  /** Every conversation of a customer (its links), or null when there is no such customer. */
  customerConversations(customerId: string): Promise<Conversation[] | null>;
  defaultTeam?: string;
}

/** What a caller needs on a customer: to see them, or to own one of their conversations. */
export type CustomerNeed = 'see' | 'own';

export class TeamScope {
  constructor(private readonly deps: TeamScopeDeps) {}

  canSee(agent: Agent, c: { team?: string | null; assigneeId?: string | null }): boolean {
    return canSeeConversation(agent, c, this.deps.defaultTeam);
  }

  /** Passes when the agent may see conversation `id`; 404 when there is none, 403 across teams. */
  async assertConversation(agent: Agent, id: string): Promise<void> {
    if (agent.role === 'admin') return;
    const conv = await this.deps.conversation(id);
    if (!conv) throw new BatonError('NOT_FOUND', `No conversation ${id}`);
    if (!this.canSee(agent, conv)) {
      throw new BatonError('FORBIDDEN', `Conversation ${id} belongs to the team ${conversationTeam(conv, this.deps.defaultTeam)}, which you are not in`);
    }
  }

  /** Passes when the agent may see (or, `own`, act on the identity of) customer `id`. */
  async assertCustomer(agent: Agent, id: string, need: CustomerNeed): Promise<void> {
    if (agent.role === 'admin') return;
    const conversations = await this.deps.customerConversations(id);
    if (conversations === null) throw new BatonError('NOT_FOUND', `No customer ${id}`);
    if (need === 'own') {
      if (conversations.some((c) => c.status === 'assigned' && c.assigneeId === agent.id)) return;
      throw new BatonError('FORBIDDEN', `Only an admin, or the agent who owns one of customer ${id}'s conversations, can do this; claim their conversation first`);
    }
    if (conversations.some((c) => this.canSee(agent, c))) return;
    throw new BatonError('FORBIDDEN', `Customer ${id} has no conversation in your teams`);
  }

  /** assertCustomer for the caller of a request already authenticated. */
  assertCustomerFor(res: Response, id: string, need: CustomerNeed): Promise<void> {
    return this.assertCustomer(authOf(res).agent, id, need);
  }

  /** The caller's view of which conversations may be listed (a customer's conversations). */
  conversationFilterFor(res: Response): (c: { team?: string | null; assigneeId?: string | null }) => boolean {
    const agent = authOf(res).agent;
    return (c) => this.canSee(agent, c);
  }

  /** Express guard: the customer in `req.params[param]` (see CustomerNeed). */
  customerGuard(need: CustomerNeed, param = 'id'): RequestHandler {
    return async (req, res, next) => {
      await this.assertCustomer(authOf(res).agent, String(req.params[param]), need);
      next();
    };
  }
}
