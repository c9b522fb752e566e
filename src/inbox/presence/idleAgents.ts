/**
 * Who the idle timeout sets to away: agents shown online whose last activity (login, a presence
 * change, the console's activity ping) is at least `idleMs` old. An agent with no recorded
 * activity is left alone (they went online before activity was recorded, or by the API).
 */
export function idleAgents(
  agents: readonly { id: string; presence: string; disabled?: boolean }[],
  lastActivity: ReadonlyMap<string, number>,
  now: number,
  idleMs: number,
): string[] {
  if (idleMs <= 0) return [];
  return agents
    .filter((a) => a.presence === 'online' && !a.disabled)
    .filter((a) => {
      const seen = lastActivity.get(a.id);
      return seen !== undefined && now - seen >= idleMs;
    })
    .map((a) => a.id);
}
