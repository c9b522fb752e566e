import { useState } from 'preact/hooks';
import { deliveryErrorWords } from '../../../../outbound/deliveryErrorWords';
import { api, errorText } from '../../shared/api';
import type { Message } from '../../shared/types';

/**
 * Under a message that was not delivered: the platform's reason in words (the one table in
 * src/outbound/deliveryErrorWords.ts), its code, and a retry for sends that failed for good
 * (a refusal Baton made itself, the window being closed, is not retried: it was never sent).
 */
export function FailedMessageNotice(props: { message: Message }) {
  const m = props.message;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = deliveryErrorWords(m.errorCode);
  const retryable = m.direction === 'outbound' && m.status === 'failed' && m.meta?.refused !== true;

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/conversations/${encodeURIComponent(m.conversationId)}/messages/${encodeURIComponent(m.id)}/retry`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="msg__error" role="note" data-testid="message-error">
      <p>
        Not delivered: <span data-testid="message-error-words">{words ?? m.errorMessage ?? 'the channel refused it'}</span>
        {m.errorCode ? ` (code ${m.errorCode})` : ''}
      </p>
      {retryable && (
        <button type="button" class="btn btn--ghost" disabled={busy} onClick={() => void retry()} data-testid="message-retry">
          {busy ? 'Retrying…' : 'Retry'}
        </button>
      )}
      {error && (
        <p class="error" role="alert" data-testid="message-retry-error">
          Not retried: {error}
        </p>
      )}
    </div>
  );
}
