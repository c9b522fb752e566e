import { useState } from 'preact/hooks';
import { neutraliseBidi } from '../../shared/safeContent';
import { languageName } from './languages';
import { PREVIEW_CHANNELS, previewParts, type PreviewChannel } from './cannedParts';

/** The answer as the customer will receive it: one bubble per message the channel's sender sends. */
export function CannedPreview(props: { text: string; language?: string }) {
  const [channel, setChannel] = useState<PreviewChannel>('whatsapp');
  const parts = previewParts(props.text, channel);
  return (
    <figure class="admin__preview" data-testid="canned-preview">
      <figcaption>
        Preview{' '}
        <select aria-label="Preview channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as PreviewChannel)} data-testid="canned-preview-channel">
          {PREVIEW_CHANNELS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>{' '}
        <span class="muted">
          {languageName(props.language)} · {props.text.trim().length} characters · {parts.length} message{parts.length === 1 ? '' : 's'}
        </span>
      </figcaption>
      {parts.length === 0 ? (
        <p class="muted">Type the answer to see it here.</p>
      ) : (
        <ol class="admin__bubbles" lang={props.language}>
          {parts.map((p, i) => (
            <li key={i} class="bubble bubble--them" data-testid="canned-preview-part">
              <p class="bubble__text" dir="auto">
                {neutraliseBidi(p)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
