import type { HandoffPacket } from '../../shared/types';

type Fact = HandoffPacket['facts'][number];

const KIND_LABELS: Record<Fact['kind'], string> = {
  order_number: 'Order',
  email: 'E-mail',
  phone: 'Phone',
  product: 'Product',
  date: 'Date',
  money: 'Amount',
};

/**
 * What the customer wrote that an agent may need (order numbers, phones, e-mails, products, dates,
 * amounts), newest first. A value in the wrong format is shown in italics and flagged
 * "unverified", so the agent checks it before relying on it.
 */
export function PacketFactList(props: { facts: readonly Fact[] }) {
  if (props.facts.length === 0) return null;
  return (
    <dl class="packet__slots packet__factlist" data-testid="packet-facts" aria-label="Facts the customer gave">
      {props.facts.map((f) => (
        <div key={`${f.kind}:${f.value}`} class={f.verified ? 'fact' : 'fact fact--unverified'} data-verified={String(f.verified)}>
          <dt>{KIND_LABELS[f.kind] ?? f.kind}</dt>
          <dd dir="auto" title={f.verified ? `Written ${new Date(f.at).toLocaleString()}` : 'Unverified: not in the expected format; check with the customer'}>
            {f.value}
            {!f.verified && <span class="fact__flag"> unverified</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
