import { formatTime } from '../shared/format';
import { neutraliseBidi, safeUrl, urlAsText } from '../shared/safeContent';
import type { SandboxMessage } from '../shared/types';

export function PhoneMessage(props: { message: SandboxMessage }) {
  const m = props.message;
  const mine = m.direction === 'inbound';
  const origin = window.location.origin;
  return (
    <li class={`bubble ${mine ? 'bubble--me' : `bubble--them bubble--${m.author}`}`} data-testid="sim-message" data-author={m.author}>
      {!mine && <span class="bubble__who">{m.author === 'agent' ? 'Agent' : m.author === 'bot' ? 'Bot' : 'Info'}</span>}
      {m.text && (
        <p dir="auto" class="bubble__text">
          {neutraliseBidi(m.text)}
        </p>
      )}
      {m.media.map((x, i) => {
        const href = safeUrl(x.url, origin);
        if (!href) {
          return (
            <span key={i} class="bubble__unsafe" data-testid="sim-media-unsafe">
              {x.kind}: <bdi dir="auto">{urlAsText(x.url)}</bdi>
            </span>
          );
        }
        return x.kind === 'image' ? (
          <img key={i} src={href} alt={`Image ${i + 1}`} class="bubble__img" />
        ) : (
          <a key={i} href={href} target="_blank" rel="noopener noreferrer">
            {x.kind}
          </a>
        );
      })}
      <span class="bubble__time">{m.status === 'pending' && mine ? 'sending…' : formatTime(m.createdAt)}</span>
    </li>
  );
}
