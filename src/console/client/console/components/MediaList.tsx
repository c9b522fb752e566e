import type { Message } from '../../shared/types';

/** Images inline, everything else as a link. */
export function MediaList(props: { media: Message['media'] }) {
  return (
    <div class="media">
      {props.media.map((m, i) =>
        m.kind === 'image' || m.kind === 'sticker' ? (
          <a key={i} href={m.url} target="_blank" rel="noopener noreferrer">
            <img src={m.url} alt={`Image ${i + 1}`} loading="lazy" />
          </a>
        ) : (
          <a key={i} href={m.url} target="_blank" rel="noopener noreferrer" class="media__file">
            {m.kind} {m.contentType ? `(${m.contentType})` : ''}
          </a>
        ),
      )}
    </div>
  );
}
