import type { Agent } from '../../../../src/handoff/types';
import { isVisibleTo } from '../../../../src/inbox/events/eventVisibility';

const agent: Agent = { id: 'ag_1', email: 'a@x.io', name: 'A', role: 'agent', teams: ['care'], capacity: 3, presence: 'online', disabled: false, createdAt: 0 };

describe('which live events an agent receives', () => {
  test("an agent gets their teams' events and not other teams'", () => {
    expect(isVisibleTo(agent, { type: 'conversation.escalated', conversationId: 'c', team: 'care', priority: 'normal', reason: 'manual' })).toBe(true);
    expect(isVisibleTo(agent, { type: 'conversation.escalated', conversationId: 'c', team: 'sales', priority: 'normal', reason: 'manual' })).toBe(false);
  });

  test('an agent gets events about themselves in any team', () => {
    expect(isVisibleTo(agent, { type: 'conversation.assigned', conversationId: 'c', agentId: 'ag_1', team: 'sales' })).toBe(true);
    expect(isVisibleTo(agent, { type: 'conversation.status', conversationId: 'c', status: 'assigned', team: 'sales', assigneeId: 'ag_1' })).toBe(true);
  });

  test('events that name no team reach every agent', () => {
    expect(isVisibleTo(agent, { type: 'agent.presence', agentId: 'ag_2', presence: 'away' })).toBe(true);
  });

  test('an admin gets everything', () => {
    expect(isVisibleTo({ ...agent, role: 'admin', teams: [] }, { type: 'followup.opened', followUpId: 'f', conversationId: 'c', team: 'sales' })).toBe(true);
  });
});
