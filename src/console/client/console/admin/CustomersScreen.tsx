import { useState } from 'preact/hooks';
import { formatTime } from '../../shared/format';
import type { ConversationListItem } from '../../shared/types';
import { navigate, onLinkClick, routePath, type Route } from '../route';
import { ApiErrorNote } from './ApiErrorNote';
import { CustomerProfile } from './CustomerProfile';
import { recentCustomers } from './customers';
import { useLoad } from './useLoad';

const customerRoute = (customerId: string): Route => ({ page: 'admin', section: 'customers', customerId });

/** Customers: the latest ones, or one by id; its profile, linked identities, merges and audit trail. */
export function CustomersScreen(props: { customerId?: string }) {
  const recent = useLoad<{ items: ConversationListItem[] }>('/conversations?limit=200');
  const [typed, setTyped] = useState('');
  const customers = recentCustomers(recent.data?.items ?? []);
  return (
    <div class="admin__screen admin__customers" data-testid="admin-customers">
      <aside class="admin__picker">
        <form
          class="admin__open"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed.trim()) navigate(customerRoute(typed.trim()));
          }}
        >
          <label>
            Customer id
            <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} placeholder="cu_…" data-testid="customer-id" />
          </label>
          <button type="submit" class="btn" data-testid="customer-open">
            Open
          </button>
        </form>
        <h2>Latest customers</h2>
        <ApiErrorNote error={recent.error} testId="customers-load-error" />
        <ul class="admin__list" data-testid="recent-customers">
          {customers.map((c) => (
            <li key={c.id}>
              <a
                href={routePath(customerRoute(c.id))}
                onClick={onLinkClick(customerRoute(c.id))}
                aria-current={c.id === props.customerId ? 'true' : undefined}
                data-testid="recent-customer"
                data-customer={c.id}
              >
                <strong>{c.name ?? c.address}</strong>
                <span class="muted">
                  {c.channel} · {formatTime(c.lastAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </aside>
      {props.customerId ? (
        <CustomerProfile key={props.customerId} customerId={props.customerId} onOpen={(id) => navigate(customerRoute(id))} onMerged={recent.reload} />
      ) : (
        <p class="muted">Choose a customer.</p>
      )}
    </div>
  );
}
