import type { ConversationPatch, ConversationStore, OwnershipTransition } from '../../conversations/conversationStore';
import type { Conversation } from '../../conversations/types';
import type { Logger } from '../../logger';
import type { DashboardAggregates } from './aggregateStore';
import { botTurnFacts, customerMessageFacts, openedFacts, transitionFacts, updateFacts, type FactWrite } from './facts';

/**
 * Records the dashboard's facts where they are decided. The times come from the conversation
 * (createdAt, escalatedAt, resolvedAt… as the services' clocks stamped them), never from the
 * moment of writing, so a replay of past events lands in the days they happened.
 *
 * A failed write is logged and dropped: the business action it follows has happened and must not
 * fail because of a figure (the figure is then missing from the dashboard).
 */
export interface DashboardFacts {
  opened(c: Conversation): Promise<void>;
  transition(previous: Conversation, current: Conversation, change: OwnershipTransition): Promise<void>;
  update(c: Conversation, patch: ConversationPatch): Promise<void>;
  botTurn(c: Conversation, language: string, answered: boolean): Promise<void>;
  customerMessage(c: Conversation, messageAt: number): Promise<void>;
}

export interface DashboardFactsDeps {
  aggregates: Pick<DashboardAggregates, 'record'>;
  timeZone: string;
  defaultLanguage: () => string;
  logger: Logger;
}

export function createDashboardFacts(deps: DashboardFactsDeps): DashboardFacts {
  const tz = deps.timeZone;
  async function record(writes: readonly (FactWrite | null)[]): Promise<void> {
    for (const w of writes) {
      if (!w) continue;
      try {
        await deps.aggregates.record(w);
      } catch (err) {
        deps.logger.warn('dashboard figure not recorded', { conversationId: w.conversationId, day: w.day, markers: w.groups.map((g) => g.marker), reason: (err as Error).message });
      }
    }
  }
  return {
    opened: (c) => record([openedFacts(c, tz)]),
    transition: (previous, current, change) => record([transitionFacts(previous, current, change, tz, deps.defaultLanguage())]),
    update: (c, patch) => record(updateFacts(c, patch, tz)),
    botTurn: (c, language, answered) => record([botTurnFacts(c, language, answered, tz)]),
    customerMessage: (c, at) => record([customerMessageFacts(c, at, tz)]),
  };
}

/**
 * The conversation store, recording the dashboard's facts from the results of its writes: an
 * opening, an accepted ownership change (escalation, resolution, reopening, assignment), a patch
 * (first reply, survey answers, call deflection, language). Everything else passes through.
 */
export function withDashboardFacts<S extends ConversationStore>(store: S, facts: DashboardFacts): S {
  const overrides: Partial<ConversationStore> = {
    async findOrOpen(input) {
      const r = await store.findOrOpen(input);
      if (r.opened) await facts.opened(r.conversation);
      return r;
    },
    async transition(id, change) {
      const r = await store.transition(id, change);
      if (r.ok) await facts.transition(r.previous, r.conversation, change);
      return r;
    },
    async update(id, patch) {
      const c = await store.update(id, patch);
      await facts.update(c, patch);
      return c;
    },
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof ConversationStore];
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
