import { useRef, useState } from 'preact/hooks';
import { api, errorText } from '../../shared/api';

/** What the server answers for an upload (POST /conversations/:id/uploads). */
export interface UploadedFile {
  id: string;
  name: string;
  contentType: string;
  kind: 'image' | 'file';
  size: number;
  url: string;
}

const ACCEPT = 'image/png,image/jpeg,image/webp,application/pdf,.png,.jpg,.jpeg,.webp,.pdf';

/**
 * "Attach file": uploads one image or PDF from the agent's computer into the conversation; the
 * server checks its size and type (by content) and answers with the upload to send with the reply.
 */
export function UploadButton(props: { conversationId: string; disabled: boolean; value: UploadedFile | null; onChange: (f: UploadedFile | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      props.onChange(await api.post<UploadedFile>(`/conversations/${encodeURIComponent(props.conversationId)}/uploads`, form));
    } catch (err) {
      props.onChange(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div class="upload">
      <input ref={input} type="file" accept={ACCEPT} hidden onChange={(e) => void choose(e.currentTarget.files?.[0])} data-testid="upload-input" />
      <button type="button" class="btn btn--ghost" disabled={props.disabled || busy} onClick={() => input.current?.click()} data-testid="upload-button">
        {busy ? 'Uploading…' : 'Attach file'}
      </button>
      {props.value && (
        <span class="upload__chip" data-testid="upload-chip">
          <bdi dir="auto">{props.value.name}</bdi> ({Math.max(1, Math.round(props.value.size / 1024))} kB)
          <button type="button" class="btn btn--ghost" aria-label="Remove the attachment" onClick={() => props.onChange(null)}>
            ×
          </button>
        </span>
      )}
      {error && (
        <p class="error" role="alert" data-testid="upload-error">
          Not attached: {error}
        </p>
      )}
    </div>
  );
}
