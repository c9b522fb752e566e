import { useEffect, useRef } from 'preact/hooks';
import { api } from '../shared/api';
import type { Agent } from '../shared/types';
import { subscribeLive } from './liveBus';

/** At most one activity ping a minute, and only after a key or a click: an open but untouched tab goes idle. */
const PING_EVERY_MS = 60_000;

/**
 * Tells the server the agent is here (the idle timeout counts from it), and follows the agent's
 * presence as the server changes it (away after the timeout, online again on activity).
 */
export function useActivityPing(agent: Agent, onAgentChange: (a: Agent) => void): void {
  const last = useRef(Date.now());
  const current = useRef(agent);
  current.current = agent;
  const presence = useRef(agent.presence);
  presence.current = agent.presence;
  useEffect(
    () =>
      subscribeLive((signal) => {
        if (signal.kind !== 'event') return;
        const e = signal.envelope.event;
        if (e.type === 'agent.presence' && e.agentId === current.current.id && e.presence !== current.current.presence) {
          onAgentChange({ ...current.current, presence: e.presence });
        }
      }),
    [agent.id],
  );
  useEffect(() => {
    const onActivity = () => {
      if (Date.now() - last.current < PING_EVERY_MS) return;
      last.current = Date.now();
      api
        .post<Agent>('/agents/me/activity')
        .then((a) => {
          if (a.presence !== presence.current) onAgentChange(a);
        })
        .catch(() => undefined);
    };
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [agent.id]);
}
