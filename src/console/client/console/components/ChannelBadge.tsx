import { channelInfo } from '../../shared/format';

export function ChannelBadge(props: { channel: string; long?: boolean }) {
  const info = channelInfo(props.channel);
  return (
    <span class={`chan chan--${props.channel}`} title={info.label} data-testid="channel-badge">
      <span class="chan__icon" aria-hidden="true">
        {info.icon}
      </span>
      <span class={props.long ? '' : 'sr-only'}>{info.label}</span>
    </span>
  );
}
