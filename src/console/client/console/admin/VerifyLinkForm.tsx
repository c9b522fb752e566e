import { useState } from 'preact/hooks';
import { api } from '../../shared/api';
import { formatTime } from '../../shared/format';
import { ApiErrorNote } from './ApiErrorNote';
import { useSubmit } from './useLoad';

const CHANNELS = ['whatsapp', 'whatsapp_cloud', 'messenger', 'instagram', 'sandbox'] as const;

/** Sends a one-time code to an address the customer says is theirs; typed back, it links the address verified. */
export function VerifyLinkForm(props: { customerId: string; onStarted: () => void }) {
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('whatsapp');
  const [address, setAddress] = useState('');
  const [sent, setSent] = useState<{ expiresAt: string } | null>(null);
  const submit = useSubmit();
  return (
    <form
      class="admin__bar"
      noValidate
      data-testid="verify-link"
      onSubmit={async (e) => {
        e.preventDefault();
        setSent(null);
        const r = await submit.run(() => api.post<{ verificationId: string; expiresAt: string }>(`/customers/${encodeURIComponent(props.customerId)}/verify-link`, { channel, address }));
        if (r) {
          setSent(r);
          props.onStarted();
        }
      }}
    >
      <h2>Link an address with a code</h2>
      <label>
        Channel
        <select value={channel} onChange={(e) => setChannel(e.currentTarget.value as (typeof CHANNELS)[number])} data-testid="verify-channel">
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Address
        <input value={address} onInput={(e) => setAddress(e.currentTarget.value)} placeholder="+919812345678" data-testid="verify-address" />
      </label>
      <button type="submit" class="btn" disabled={submit.busy} data-testid="verify-submit">
        Send code
      </button>
      {sent && (
        <p class="notice" role="status" data-testid="verify-sent">
          Code sent; it works until {formatTime(sent.expiresAt)}. When the customer types it back in their conversation, the address is linked as verified.
        </p>
      )}
      <ApiErrorNote error={submit.error} testId="verify-error" />
    </form>
  );
}
