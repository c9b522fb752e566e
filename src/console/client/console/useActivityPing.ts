import { useEffect, useRef } from 'preact/hooks';
import { api } from '../shared/api';
import type { Agent } from '../shared/types';

/** At most one activity ping a minute, and only after a key or a click: an open but untouched tab goes idle. */
const PING_EVERY_MS = 60_000;

/**
 * Tells the server the agent is here (the idle timeout counts from it), and shows the presence it
 * answers (online again after the timeout had set away).
 */
export function useActivityPing(agent: Agent, onAgentChange: (a: Agent) => void): void {
  const last = useRef(Date.now());
  const presence = useRef(agent.presence);
  presence.current = agent.presence;
  useEffect(() => {
    const onActivity = () => {
      if (Date.now() - last.current < PING_EVERY_MS) return;
      last.current = Date.now();
      api
        // Quiet on 401: a background ping never logs the agent out under the click they are making.
        .post<Agent>('/agents/me/activity', undefined, { quiet401: true })
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
