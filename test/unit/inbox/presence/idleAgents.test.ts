import { idleAgents } from '../../../../src/inbox/presence/idleAgents';

const NOW = 1_000_000_000;
const MIN = 60_000;

describe('who the idle timeout sets away', () => {
  const agents = [
    { id: 'a', presence: 'online' },
    { id: 'b', presence: 'online' },
    { id: 'c', presence: 'offline' },
    { id: 'd', presence: 'online', disabled: true },
    { id: 'e', presence: 'online' },
  ];
  const seen = new Map([
    ['a', NOW - 15 * MIN],
    ['b', NOW - 15 * MIN + 1],
    ['c', NOW - 60 * MIN],
    ['d', NOW - 60 * MIN],
  ]);

  test('online agents whose last activity is at least the timeout old', () => {
    expect(idleAgents(agents, seen, NOW, 15 * MIN)).toEqual(['a']);
  });

  test('nobody when the timeout is 0 (never)', () => {
    expect(idleAgents(agents, seen, NOW, 0)).toEqual([]);
  });
});
