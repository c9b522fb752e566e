import { useRef } from 'preact/hooks';
import { neutraliseBidi } from '../../shared/safeContent';
import { languageLabel } from '../../shared/format';
import type { Agent, Team } from '../../shared/types';
import { useShortcut } from '../shortcuts';
import { useConversation } from '../useConversation';
import { ActionBar, type ActionBarHandle } from './ActionBar';
import { ChannelBadge } from './ChannelBadge';
import { Composer } from './Composer';
import { HandoffPacketPanel } from './HandoffPacketPanel';
import { PriorityBadge } from './PriorityBadge';
import { Transcript } from './Transcript';

export function ConversationView(props: { id: string; agent: Agent; teams: Team[]; onChanged: () => void }) {
  const { detail, error, notFound, reload } = useConversation(props.id);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const actions = useRef<ActionBarHandle | null>(null);

  useShortcut('r', () => replyRef.current?.focus());
  useShortcut('c', () => actions.current?.claim());

  if (!detail) {
    return (
      <div class="empty" data-testid="conversation-loading">
        {error ? (
          <p class="error" role="alert">
            {notFound ? 'This conversation does not exist (or you may not see it).' : error}
          </p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </div>
    );
  }

  const c = detail.conversation;
  const changed = async () => {
    await reload();
    props.onChanged();
  };
  return (
    <article class="conv" data-testid="conversation-view" data-status={c.status}>
      <header class="conv__head">
        <div class="conv__title">
          <ChannelBadge channel={c.channel} long />
          <h2 dir="auto" data-testid="conversation-customer">
            {neutraliseBidi(c.customerName ?? detail.customer?.name ?? c.customerAddress)}
          </h2>
          {c.priority && <PriorityBadge priority={c.priority} />}
          <span class={`status status--${c.status}`} data-testid="conversation-status">
            {c.status}
          </span>
          <span class="muted">
            {c.team ? `team ${c.team}` : ''} · {languageLabel(c.language)}
          </span>
        </div>
        <ActionBar handleRef={actions} detail={detail} agent={props.agent} teams={props.teams} onChanged={changed} />
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {detail.packet && <HandoffPacketPanel packet={detail.packet} />}
      <Transcript messages={detail.messages} />
      <Composer detail={detail} agent={props.agent} textareaRef={replyRef} onSent={changed} />
    </article>
  );
}
