import { channelInfo, formatTime, languageLabel, reasonLabel } from '../../shared/format';
import { neutraliseBidi } from '../../shared/safeContent';
import type { HandoffPacket } from '../../shared/types';
import { onLinkClick, routePath, type Route } from '../route';
import { PacketFactList } from './PacketFactList';

/** What the agent reads first: why it escalated, what the customer wants, what they already told the bot. */
export function HandoffPacketPanel(props: { packet: HandoffPacket }) {
  const p = props.packet;
  const slots = Object.entries(p.slots);
  const intents = [...p.intents].reverse();
  const others = p.history.filter((h) => h.conversationId !== p.conversationId);
  return (
    <section class="packet" aria-label="Handoff summary" data-testid="handoff-packet">
      <p class="packet__summary" dir="auto" data-testid="packet-summary">
        {neutraliseBidi(p.summary)}
      </p>
      <dl class="packet__facts">
        <div>
          <dt>Why</dt>
          <dd data-testid="packet-reason">
            {reasonLabel(p.reason)}
            {p.reasons.length > 1 && <span class="muted"> (also: {p.reasons.slice(1).map(reasonLabel).join(', ')})</span>}
          </dd>
        </div>
        <div>
          <dt>Wants</dt>
          <dd data-testid="packet-intents">
            {intents.length === 0
              ? '—'
              : intents.slice(0, 4).map((i, n) => (
                  <span key={`${i.intent}-${n}`} class="chip">
                    {i.intent} <span class="muted">{Math.round(i.confidence * 100)}%</span>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{languageLabel(p.language)}</dd>
        </div>
        <div>
          <dt>Mood</dt>
          <dd class={`mood mood--${p.sentiment.label}`}>
            {p.sentiment.label}
            {p.sentiment.anger >= 0.3 && <span class="muted"> (anger {Math.round(p.sentiment.anger * 100)}%)</span>}
          </dd>
        </div>
        {p.customer.vip && (
          <div>
            <dt>Customer</dt>
            <dd>
              <span class="prio prio--high">VIP</span>
            </dd>
          </div>
        )}
        {p.cameFromCall && (
          <div>
            <dt>Came from</dt>
            <dd data-testid="packet-call">
              a phone call at {formatTime(p.cameFromCall.at)}
              {p.cameFromCall.via === 'sms' && <span class="muted"> (sent an SMS: no WhatsApp on the number)</span>}
            </dd>
          </div>
        )}
      </dl>
      {p.crm && <CrmFacts crm={p.crm} />}
      {slots.length > 0 && (
        <dl class="packet__slots" data-testid="packet-slots" aria-label="Details already given">
          {slots.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd dir="auto">{neutraliseBidi(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      <PacketFactList facts={p.facts ?? []} />
      {others.length > 0 && (
        <details class="packet__history" data-testid="packet-history">
          <summary>Earlier conversations ({others.length})</summary>
          <ul>
            {others.map((h) => {
              const route: Route = { page: 'inbox', conversationId: h.conversationId };
              return (
                <li key={h.conversationId}>
                  <a href={routePath(route)} onClick={onLinkClick(route)}>
                    {channelInfo(h.channel).label} · {formatTime(h.startedAt)} · {h.status}
                  </a>
                  {h.preview && (
                    <span class="muted" dir="auto">
                      {' '}
                      — {neutraliseBidi(h.preview)}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

/** What the CRM knows: name, tier, lifetime value, open orders, notes and a link to the record. */
function CrmFacts(props: { crm: NonNullable<HandoffPacket['crm']> }) {
  const c = props.crm;
  const money = (m: { amount: number; currency: string }) => `${m.amount.toLocaleString()} ${m.currency}`;
  return (
    <dl class="packet__slots" data-testid="packet-crm" aria-label="From the CRM">
      {c.name && (
        <div>
          <dt>CRM name</dt>
          <dd dir="auto">{c.name}</dd>
        </div>
      )}
      {(c.tier || c.vip) && (
        <div>
          <dt>Tier</dt>
          <dd>
            {c.tier ?? ''} {c.vip && <span class="prio prio--high">VIP</span>}
          </dd>
        </div>
      )}
      {c.lifetimeValue && (
        <div>
          <dt>Lifetime value</dt>
          <dd>{money(c.lifetimeValue)}</dd>
        </div>
      )}
      {c.openOrders && c.openOrders.length > 0 && (
        <div>
          <dt>Open orders</dt>
          <dd>{c.openOrders.map((o) => `${o.id}${o.status ? ` (${o.status})` : ''}${o.total ? ` ${money(o.total)}` : ''}`).join(', ')}</dd>
        </div>
      )}
      {c.notes && (
        <div>
          <dt>Notes</dt>
          <dd dir="auto">{c.notes}</dd>
        </div>
      )}
      {c.url && (
        <div>
          <dt>Record</dt>
          <dd>
            <a href={c.url} target="_blank" rel="noopener noreferrer">
              open in the CRM
            </a>
          </dd>
        </div>
      )}
    </dl>
  );
}
