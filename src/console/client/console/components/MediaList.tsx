import { fileNameOf, safeUrl, urlAsText } from '../../shared/safeContent';
import type { Message } from '../../shared/types';

/**
 * Images inline, everything else as a link, but only for https (or this origin's) URLs: any other
 * URL a customer's platform reported (javascript:, data:, http: elsewhere…) is shown as text.
 */
export function MediaList(props: { media: Message['media'] }) {
  const origin = window.location.origin;
  return (
    <div class="media">
      {props.media.map((m, i) => {
        const href = safeUrl(m.url, origin);
        const label = `${m.kind}${m.contentType ? ` (${m.contentType})` : ''}`;
        if (!href) {
          return (
            <span key={i} class="media__unsafe" data-testid="media-unsafe" title="Not opened: only https links are shown as links">
              {label}: <bdi dir="auto">{urlAsText(m.url)}</bdi>
            </span>
          );
        }
        if (m.kind === 'image' || m.kind === 'sticker') {
          return (
            <a key={i} href={href} target="_blank" rel="noopener noreferrer" data-testid="media-link">
              <img src={href} alt={`Image ${i + 1}`} loading="lazy" />
            </a>
          );
        }
        const name = fileNameOf(href);
        return (
          <a key={i} href={href} target="_blank" rel="noopener noreferrer" class="media__file" data-testid="media-link">
            {label}
            {name && (
              <>
                {' '}
                <bdi dir="auto" data-testid="media-file-name">
                  {name}
                </bdi>
              </>
            )}
          </a>
        );
      })}
    </div>
  );
}
