import { formatDuration, toMs } from '../../shared/format';
import { neutraliseBidi } from '../../shared/safeContent';
import type { ConversationListItem } from '../../shared/types';
import { onLinkClick, routePath, type Route } from '../route';
import { ChannelBadge } from './ChannelBadge';
import { PriorityBadge } from './PriorityBadge';

export function ConversationRow(props: { item: ConversationListItem; now: number; selected: boolean; note?: string }) {
  const { item, now } = props;
  const route: Route = { page: 'inbox', conversationId: item.id };
  const since = toMs(item.waitingSince);
  const who = neutraliseBidi(item.customer.name ?? item.customer.address);
  return (
    <li>
      <a
        class="row"
        href={routePath(route)}
        onClick={onLinkClick(route)}
        aria-current={props.selected ? 'true' : undefined}
        data-testid="conversation-row"
        data-conversation-id={item.id}
      >
        <span class="row__top">
          <ChannelBadge channel={item.channel} />
          <span class="row__who" dir="auto">
            {who}
          </span>
          {item.priority && <PriorityBadge priority={item.priority} />}
        </span>
        <span class="row__preview" dir="auto" data-testid="row-preview">
          {neutraliseBidi(item.lastMessage?.text) ?? '—'}
        </span>
        <span class="row__meta muted">
          {item.status === 'queued' && since !== undefined ? (
            <span data-testid="row-waiting">waiting {formatDuration(now - since)}</span>
          ) : (
            <span>{item.status}</span>
          )}
          {item.team && <span> · {item.team}</span>}
          {props.note && <span data-testid="row-note"> · {props.note}</span>}
        </span>
      </a>
    </li>
  );
}
