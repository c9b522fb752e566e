import { useState } from 'preact/hooks';
import { api, query } from '../../shared/api';
import { formatTime } from '../../shared/format';
import { onLinkClick, routePath, type Route } from '../route';
import { ApiErrorNote } from './ApiErrorNote';
import { describeAudit, type AuditEntryWire, type CustomerWire } from './customers';
import { MergeDialog } from './MergeDialog';
import { VerifyLinkForm } from './VerifyLinkForm';
import { useLoad, useSubmit } from './useLoad';

const path = (id: string) => `/customers/${encodeURIComponent(id)}`;

/** One customer: profile (name, VIP), linked identities, conversations, suggestions, merge, audit trail. */
export function CustomerProfile(props: { customerId: string; onOpen: (id: string) => void; onMerged: () => void }) {
  const customer = useLoad<CustomerWire>(path(props.customerId));
  const c = customer.data;
  const audit = useLoad<{ items: AuditEntryWire[] }>(c ? `/audit${query({ target: c.id, limit: '100' })}` : null);
  const [merging, setMerging] = useState<string | null>(null);
  const dismiss = useSubmit();
  const refresh = () => {
    customer.reload();
    audit.reload();
  };
  if (customer.error) return <ApiErrorNote error={customer.error} testId="customer-error" />;
  if (!c) return <p class="muted">Loading…</p>;
  return (
    <div class="admin__profile" data-testid="customer-profile" data-customer={c.id}>
      {c.id !== props.customerId && (
        <p class="notice" data-testid="customer-merged-into">
          {props.customerId} was merged into {c.id}; this is that record.
        </p>
      )}
      <ProfileForm customer={c} onSaved={refresh} />
      <h2>Linked identities</h2>
      <table class="admin__table" data-testid="customer-addresses">
        <thead>
          <tr>
            <th>Channel</th>
            <th>Address</th>
            <th>Verified</th>
          </tr>
        </thead>
        <tbody>
          {c.addresses.map((a) => (
            <tr key={`${a.channel}:${a.address}`} data-testid="customer-address">
              <td>{a.channel}</td>
              <td>
                <bdi>{a.address}</bdi>
              </td>
              <td>{a.verified ? 'verified' : 'not verified'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Conversations</h2>
      <ul class="admin__list" data-testid="customer-conversations">
        {c.conversations.map((conv) => {
          const to: Route = { page: 'inbox', conversationId: conv.id };
          return (
            <li key={conv.id}>
              <a href={routePath(to)} onClick={onLinkClick(to)}>
                {conv.channel} · {conv.status} · {formatTime(conv.lastMessageAt ?? conv.startedAt)}
              </a>
            </li>
          );
        })}
      </ul>
      <h2>Possibly the same person</h2>
      <ApiErrorNote error={dismiss.error} testId="suggestion-error" />
      {c.suggestedLinks.length === 0 && <p class="muted">No suggestion.</p>}
      <ul class="admin__list" data-testid="customer-suggestions">
        {c.suggestedLinks.map((s) => (
          <li key={s.id} data-testid="customer-suggestion">
            <span>
              {s.evidence} → {s.otherCustomerId}
            </span>{' '}
            <button type="button" class="btn" onClick={() => setMerging(s.otherCustomerId)} data-testid="suggestion-merge">
              Compare and merge
            </button>{' '}
            <button
              type="button"
              class="btn"
              onClick={async () => {
                if (await dismiss.run(() => api.del(`${path(c.id)}/suggestions/${encodeURIComponent(s.id)}`).then(() => true))) refresh();
              }}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
      <div class="admin__bar">
        <button type="button" class="btn" onClick={() => setMerging('')} data-testid="customer-merge">
          Merge another customer into this one…
        </button>
      </div>
      <VerifyLinkForm customerId={c.id} onStarted={audit.reload} />
      <h2>Audit trail</h2>
      <ApiErrorNote error={audit.error} testId="audit-error" />
      <ol class="admin__audit" data-testid="customer-audit">
        {(audit.data?.items ?? []).map((e, i) => (
          <li key={`${e.at}:${i}`} data-testid="audit-entry" data-action={e.action}>
            <time dateTime={e.at}>{formatTime(e.at)}</time> <strong>{e.actor}</strong> {describeAudit(e)}
          </li>
        ))}
      </ol>
      {audit.data && audit.data.items.length === 0 && <p class="muted">Nothing recorded yet.</p>}
      {merging !== null && (
        <MergeDialog
          target={c}
          sourceId={merging}
          onClose={() => setMerging(null)}
          onMerged={() => {
            setMerging(null);
            refresh();
            props.onMerged();
          }}
        />
      )}
    </div>
  );
}

function ProfileForm(props: { customer: CustomerWire; onSaved: () => void }) {
  const c = props.customer;
  const [name, setName] = useState(c.name ?? '');
  const [vip, setVip] = useState(c.vip);
  const submit = useSubmit();
  return (
    <form
      class="admin__bar"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { ...(name !== (c.name ?? '') ? { name } : {}), ...(vip !== c.vip ? { vip } : {}) };
        if (await submit.run(() => api.patch(path(c.id), body))) props.onSaved();
      }}
    >
      <h1>
        <span data-testid="customer-heading">{c.name ?? c.id}</span> <span class="muted">({c.id})</span>
      </h1>
      <label>
        Name
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} data-testid="customer-name" />
      </label>
      <label class="toggle">
        <input type="checkbox" checked={vip} onChange={(e) => setVip(e.currentTarget.checked)} data-testid="customer-vip" />
        VIP
      </label>
      <button type="submit" class="btn" disabled={submit.busy} data-testid="customer-save">
        Save
      </button>
      <ApiErrorNote error={submit.error} testId="customer-save-error" />
    </form>
  );
}
