import type { DeliveryStatus } from '../../shared/types';

/** sent ✓, delivered ✓✓, read blue ✓✓, failed ✗, anything before "sent" a clock. */
export function DeliveryTicks(props: { status: DeliveryStatus }) {
  const s = props.status;
  const [mark, cls, label] =
    s === 'read'
      ? ['✓✓', 'ticks--read', 'read']
      : s === 'delivered'
        ? ['✓✓', 'ticks--delivered', 'delivered']
        : s === 'sent'
          ? ['✓', 'ticks--sent', 'sent']
          : s === 'failed' || s === 'undelivered'
            ? ['✗', 'ticks--failed', s]
            : ['◷', 'ticks--pending', 'sending'];
  return (
    <span class={`ticks ${cls}`} aria-label={label} title={label} data-testid="ticks" data-status={s}>
      {mark}
    </span>
  );
}
