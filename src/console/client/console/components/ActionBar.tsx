import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { api, errorText } from '../../shared/api';
import type { Agent, ConversationDetail, Team, TransferRequest } from '../../shared/types';
import { TransferDialog } from './TransferDialog';

export interface ActionBarHandle {
  claim(): void;
}

/** Claim, Transfer, Hand back to bot, Resolve; each enabled only when the server would allow it. */
export function ActionBar(props: {
  detail: ConversationDetail;
  agent: Agent;
  teams: Team[];
  onChanged: () => Promise<void>;
  handleRef?: RefObject<ActionBarHandle | null>;
}) {
  const c = props.detail.conversation;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const path = `/conversations/${encodeURIComponent(c.id)}`;
  const mine = c.status === 'assigned' && c.assigneeId === props.agent.id;
  const open = c.status === 'queued' || c.status === 'assigned';

  const run = async (name: string, action: string, body?: unknown) => {
    setBusy(name);
    setError(null);
    try {
      await api.post(`${path}/${action}`, body);
      await props.onChanged();
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const canClaim = (c.status === 'queued' || c.status === 'bot') && !busy;
  const claim = () => {
    if (canClaim) void run('claim', 'claim');
  };
  if (props.handleRef) props.handleRef.current = { claim };

  return (
    <div class="actions" role="toolbar" aria-label="Conversation actions">
      <button type="button" class="btn btn--primary" disabled={!canClaim} onClick={claim} data-testid="action-claim" title="Claim (c)">
        {busy === 'claim' ? 'Claiming…' : 'Claim'}
      </button>
      <button type="button" class="btn" disabled={!open || !!busy} onClick={() => setTransferOpen(true)} data-testid="action-transfer">
        Transfer…
      </button>
      <button
        type="button"
        class="btn"
        disabled={!open || !!busy || (c.status === 'assigned' && !mine && props.agent.role !== 'admin')}
        onClick={() => void run('handback', 'handback')}
        data-testid="action-handback"
      >
        Hand back to bot
      </button>
      <button
        type="button"
        class="btn"
        disabled={c.status === 'resolved' || !!busy}
        onClick={() => void run('resolve', 'resolve')}
        data-testid="action-resolve"
      >
        {busy === 'resolve' ? 'Resolving…' : 'Resolve'}
      </button>
      {error && (
        <p class="error actions__error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
      {transferOpen && (
        <TransferDialog
          agent={props.agent}
          teams={props.teams}
          currentTeam={c.team}
          onCancel={() => setTransferOpen(false)}
          onSubmit={async (request: TransferRequest) => {
            const ok = await run('transfer', 'transfer', request);
            if (ok) setTransferOpen(false);
            return ok;
          }}
          error={error}
        />
      )}
    </div>
  );
}
