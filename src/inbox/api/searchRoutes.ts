import { z } from 'zod';
import { canSeeConversation } from '../../handoff/teamAccess';
import type { ConversationActions } from '../contracts';
import type { InboxServices } from '../services';
import { route, type RouteSpec } from './route';
import { conversationListItemView } from './views';

const searchQuery = z
  .object({
    q: z.string().trim().min(2, { message: 'type at least 2 characters' }).max(200),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .strict();

const MATCHES = ['order', 'phone', 'email', 'address', 'words'] as const;

export const searchHitView = conversationListItemView
  .extend({
    match: z.enum(MATCHES).meta({
      description: 'why it came up: an order number, phone or e-mail the customer wrote (or is addressed by), their address, or words of their messages and name',
    }),
  })
  .meta({ id: 'SearchHit' });

/** Candidates read from the index for one page of answers (the rest may be in other teams). */
const CANDIDATES = 200;

/** Search across customers, their messages and their facts; answers only conversations the caller may see. */
export function searchRoutes(s: InboxServices, actions: ConversationActions): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/search',
      tag: 'conversations',
      access: 'agent',
      summary: 'Search conversations by order number, phone, e-mail, customer name or words the customer wrote',
      description:
        'Order numbers compare without case or punctuation, phones on their last 10 digits, e-mails without case. ' +
        'Words match customer messages and names (all words must appear). Exact matches come first, then the newest. ' +
        'Only conversations of your teams (or assigned to you) are answered.',
      query: searchQuery,
      response: { description: 'Matching conversations', schema: z.object({ items: z.array(searchHitView) }) },
      handle: async ({ query, caller }) => {
        const limit = query.limit ?? 20;
        const candidates = await s.search.find(query.q, CANDIDATES);
        const match = new Map(candidates.map((c) => [c.conversationId, c.match]));
        const items = await actions.list({ ids: candidates.map((c) => c.conversationId), limit, visible: (c) => canSeeConversation(caller, c) }, caller);
        return { items: items.map((item) => ({ ...item, match: match.get(item.id) ?? 'words' })) };
      },
    }),
  ];
}
