import { formatDuration, toMs } from '../../shared/format';
import type { ChannelName, WindowVerdict } from '../../shared/types';
import { useNow } from '../useNow';

/** The channel's reply window in words: how long is left, or why free text is not possible. */
export function WindowNotice(props: { channel: ChannelName; window: WindowVerdict }) {
  const now = useNow(1000);
  const w = props.window;
  const humanAgentClosesAt = toMs(w.humanAgentClosesAt);
  const closesAt = toMs(w.closesAt);
  if (!w.allowed) {
    return (
      <p class="window window--closed" role="status" data-testid="window-notice" data-state="closed">
        {w.reason ?? 'The reply window is closed.'}{' '}
        {w.code === 'TEMPLATE_REQUIRED' || props.channel === 'whatsapp' ? 'Send an approved template instead.' : ''}
      </p>
    );
  }
  if (w.humanAgentTag) {
    return (
      <p class="window window--tag" role="status" data-testid="window-notice" data-state="human-agent">
        Messenger: more than 24 h since the customer wrote, so your reply goes with the HUMAN_AGENT tag
        {humanAgentClosesAt !== undefined ? ` (possible for ${formatDuration(humanAgentClosesAt - now)} more, 7 days in all)` : ' (up to 7 days)'}.
      </p>
    );
  }
  if (closesAt !== undefined) {
    const left = closesAt - now;
    return (
      <p class={`window ${left < 3600_000 ? 'window--soon' : ''}`} role="status" data-testid="window-notice" data-state="open">
        {left > 0 ? `Window closes in ${formatDuration(left)}` : 'Window just closed'}
      </p>
    );
  }
  return null;
}
