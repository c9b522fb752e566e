import { useState } from 'preact/hooks';
import { api, errorText } from '../../shared/api';
import type { Agent, Presence } from '../../shared/types';

const OPTIONS: Presence[] = ['online', 'away', 'offline'];

export function PresenceToggle(props: { agent: Agent; onChange: (a: Agent) => void }) {
  const [error, setError] = useState<string | null>(null);
  const set = async (presence: Presence) => {
    setError(null);
    try {
      await api.put('/agents/me/presence', { status: presence });
      props.onChange({ ...props.agent, presence });
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div class="presence" role="group" aria-label="Presence">
      {OPTIONS.map((p) => (
        <button
          key={p}
          type="button"
          class={`presence__opt presence__opt--${p}`}
          aria-pressed={props.agent.presence === p}
          onClick={() => void set(p)}
          data-testid={`presence-${p}`}
        >
          {p}
        </button>
      ))}
      {error && (
        <span class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
