import type { IdentityPort } from '../handoff/handoffService';
import type { Logger } from '../logger';
import type { ChannelName } from '../conversations/types';
import { customerView } from './customerView';
import type { LinkVerification } from './linkVerification';
import { linkedText, lockedText, wrongCodeText } from './messages';
import type { RedisCustomerStore } from './redisCustomerStore';
import { suggestLinks } from './suggestLinks';
import type { ConversationLookup } from './types';

export interface IdentityPortDeps {
  store: RedisCustomerStore;
  verification: LinkVerification;
  conversationLookup: ConversationLookup;
  /** The configured VIP list (customer ids or addresses), read on every check so reloads apply. */
  vipList: () => readonly string[];
  logger: Logger;
}

/** The identity module as the handoff core sees it (`IdentityPort` in src/handoff/handoffService.ts). */
export function createIdentityPort(deps: IdentityPortDeps): IdentityPort & {
  suggestLinks(customerId: string, text: string, channel?: string): Promise<void>;
} {
  const { store, verification } = deps;
  return {
    async customerFor(input) {
      const c = await store.customerFor({ ...input, channel: input.channel as ChannelName });
      return { id: c.id, ...(c.name ? { name: c.name } : {}), vip: c.vip };
    },
    attachConversation: (customerId, conversationId, channel, at) => store.attachConversation(customerId, conversationId, channel, at),
    isVip: (customerId) => store.isVip(customerId, deps.vipList()),
    async tryConfirm(input) {
      const r = await verification.tryConfirm(input);
      switch (r.outcome) {
        case 'none':
          return { handled: false };
        case 'linked':
          return { handled: true, reply: linkedText(input.language) };
        case 'wrong_code':
          return { handled: true, reply: wrongCodeText(input.language, r.attemptsLeft) };
        case 'locked':
          return { handled: true, reply: lockedText(input.language) };
      }
    },
    async suggestLinks(customerId: string, text: string, channel?: string) {
      try {
        await suggestLinks(store, customerId, text, channel ? { channel } : {});
      } catch (err) {
        deps.logger.warn('link suggestions failed', { customerId, reason: (err as Error).message });
      }
    },
    async packetCustomer(customerId, excludeConversationId) {
      const view = await customerView(store, customerId, deps.conversationLookup);
      const id = view?.id ?? customerId;
      const links = await store.conversations(id);
      const history = [];
      for (const l of links) {
        if (l.conversationId === excludeConversationId) continue;
        const c = await deps.conversationLookup(l.conversationId);
        history.push({
          conversationId: l.conversationId,
          channel: l.channel,
          status: c?.status ?? 'unknown',
          startedAt: l.startedAt,
          ...(c?.lastMessageAt !== undefined ? { lastMessageAt: c.lastMessageAt } : {}),
          ...(c?.lastMessagePreview ? { preview: c.lastMessagePreview } : {}),
        });
      }
      return {
        customer: {
          id,
          ...(view?.name ? { name: view.name } : {}),
          vip: view ? await store.isVip(id, deps.vipList()) : false,
          addresses: view?.addresses ?? [],
        },
        history,
      };
    },
  };
}
