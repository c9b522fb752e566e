import { formatTime } from '../shared/format';
import type { SandboxMessage } from '../shared/types';

export function PhoneMessage(props: { message: SandboxMessage }) {
  const m = props.message;
  const mine = m.direction === 'inbound';
  return (
    <li class={`bubble ${mine ? 'bubble--me' : `bubble--them bubble--${m.author}`}`} data-testid="sim-message" data-author={m.author}>
      {!mine && <span class="bubble__who">{m.author === 'agent' ? 'Agent' : m.author === 'bot' ? 'Bot' : 'Info'}</span>}
      {m.text && (
        <p dir="auto" class="bubble__text">
          {m.text}
        </p>
      )}
      {m.media.map((x, i) =>
        x.kind === 'image' ? (
          <img key={i} src={x.url} alt={`Image ${i + 1}`} class="bubble__img" />
        ) : (
          <a key={i} href={x.url} target="_blank" rel="noopener noreferrer">
            {x.kind}
          </a>
        ),
      )}
      <span class="bubble__time">{m.status === 'pending' && mine ? 'sending…' : formatTime(m.createdAt)}</span>
    </li>
  );
}
