import { useState } from 'preact/hooks';
import { api } from '../../shared/api';
import { Dialog } from '../components/Dialog';
import { ApiErrorNote } from './ApiErrorNote';
import type { CustomerWire } from './customers';
import { useSubmit } from './useLoad';

function Summary(props: { customer: CustomerWire; testId: string }) {
  const c = props.customer;
  return (
    <div class="admin__side" data-testid={props.testId}>
      <strong>{c.name ?? '(no name)'}</strong> <span class="muted">{c.id}</span>
      {c.vip && <span class="chip">VIP</span>}
      <ul>
        {c.addresses.map((a) => (
          <li key={`${a.channel}:${a.address}`}>
            {a.channel}: <bdi>{a.address}</bdi> {a.verified ? '(verified)' : '(not verified)'}
          </li>
        ))}
      </ul>
      <span class="muted">{c.conversations.length} conversation(s)</span>
    </div>
  );
}

/**
 * Folding another record into this one, checked first: the admin loads the other record, sees both
 * side by side, confirms they are one person and says why; the API audits it as identity.merge.
 */
export function MergeDialog(props: { target: CustomerWire; sourceId: string; onClose: () => void; onMerged: () => void }) {
  const [sourceId, setSourceId] = useState(props.sourceId);
  const [source, setSource] = useState<CustomerWire | null>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const load = useSubmit();
  const merge = useSubmit();
  const compare = async (e: Event) => {
    e.preventDefault();
    setSource(null);
    setChecked(false);
    const found = await load.run(() => api.get<CustomerWire>(`/customers/${encodeURIComponent(sourceId.trim())}`));
    if (found) setSource(found);
  };
  const confirmMerge = async () => {
    if (!source) return;
    const body = { sourceCustomerId: source.id, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    if (await merge.run(() => api.post(`/customers/${encodeURIComponent(props.target.id)}/merge`, body))) props.onMerged();
  };
  return (
    <Dialog title="Merge two customer records" onClose={props.onClose} testId="merge-dialog">
      <form class="admin__bar" onSubmit={compare}>
        <label>
          The other customer's id
          <input value={sourceId} onInput={(e) => setSourceId(e.currentTarget.value)} data-testid="merge-source" />
        </label>
        <button type="submit" class="btn" disabled={load.busy || sourceId.trim() === ''} data-testid="merge-compare">
          Compare
        </button>
      </form>
      <ApiErrorNote error={load.error} testId="merge-load-error" />
      {source && (
        <div class="form">
          <div class="admin__compare">
            <Summary customer={source} testId="merge-from" />
            <span aria-hidden="true">→</span>
            <Summary customer={props.target} testId="merge-into" />
          </div>
          <label>
            Why they are the same person (kept in the audit trail)
            <textarea rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid="merge-reason" />
          </label>
          <label class="toggle">
            <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} data-testid="merge-checked" />
            I checked: these two records are one person
          </label>
          <p class="muted">Addresses moved by a merge show as not verified until the customer confirms them with a code.</p>
        </div>
      )}
      <ApiErrorNote error={merge.error} testId="merge-error" />
      <div class="form__buttons">
        <button type="button" class="btn" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" class="btn btn--primary" disabled={!source || !checked || merge.busy} onClick={() => void confirmMerge()} data-testid="merge-submit">
          Merge into {props.target.name ?? props.target.id}
        </button>
      </div>
    </Dialog>
  );
}
