import { formatTime } from '../../shared/format';
import { neutraliseBidi } from '../../shared/safeContent';
import type { Message } from '../../shared/types';
import { DeliveryTicks } from './DeliveryTicks';
import { FailedMessageNotice } from './FailedMessageNotice';
import { MediaList } from './MediaList';

export type BubbleKind = 'customer' | 'bot' | 'agent' | 'system' | 'note';

export function bubbleKind(m: Message): BubbleKind {
  if (m.meta?.note === true || (m.direction === 'internal' && m.author === 'agent')) return 'note';
  if (m.author === 'system') return 'system';
  return m.author;
}

const LABEL: Record<BubbleKind, string> = { customer: 'Customer', bot: 'Bot', agent: 'Agent', system: 'System', note: 'Private note' };

export function MessageBubble(props: { message: Message }) {
  const m = props.message;
  const kind = bubbleKind(m);
  const failed = m.status === 'failed' || m.status === 'undelivered';
  return (
    <li class={`msg msg--${kind}${failed ? ' msg--failed' : ''}`} data-testid="message" data-kind={kind} data-status={m.status}>
      <div class="msg__bubble">
        <span class="msg__author">{LABEL[kind]}</span>
        {m.text && (
          <p class="msg__text" dir="auto" data-testid="message-text">
            {neutraliseBidi(m.text)}
          </p>
        )}
        {!m.text && m.payload && <p class="msg__text muted">[button: <bdi dir="auto">{neutraliseBidi(m.payload)}</bdi>]</p>}
        {m.media.length > 0 && <MediaList media={m.media} />}
        {m.location && (
          <p class="msg__text">
            📍 <bdi dir="auto">{neutraliseBidi(m.location.label ?? m.location.address) ?? `${m.location.latitude}, ${m.location.longitude}`}</bdi>
          </p>
        )}
        {m.quickReplies && m.quickReplies.length > 0 && (
          <p class="msg__quick muted">Buttons: <bdi dir="auto">{neutraliseBidi(m.quickReplies.map((q) => q.title).join(' · '))}</bdi></p>
        )}
        <span class="msg__meta">
          {formatTime(m.createdAt)}
          {m.direction === 'outbound' && <DeliveryTicks status={m.status} />}
        </span>
      </div>
      {failed && <FailedMessageNotice message={m} />}
    </li>
  );
}
