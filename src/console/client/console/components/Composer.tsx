import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { api, ApiError, errorText } from '../../shared/api';
import type { Agent, CannedAnswer, ConversationDetail } from '../../shared/types';
import { languageFirst, matchCanned, shortcutQuery, useCannedAnswers } from '../canned';
import { CannedPopup } from './CannedPopup';
import { TemplatePicker } from './TemplatePicker';
import { UploadButton, type UploadedFile } from './UploadButton';
import { WindowNotice } from './WindowNotice';

export interface AgentReplyTemplate {
  name: string;
  variables: Record<string, string>;
}

interface SendError {
  message: string;
  refused: boolean;
}

function toSendError(err: unknown): SendError {
  if (err instanceof ApiError && err.status === 422) return { message: err.message, refused: true };
  return { message: errorText(err), refused: false };
}

/** Reply, private note or template; knows the channel window and the canned answers. */
export function Composer(props: { detail: ConversationDetail; agent: Agent; textareaRef: RefObject<HTMLTextAreaElement>; onSent: () => Promise<void> }) {
  const c = props.detail.conversation;
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState(false);
  const [mediaUrl, setMediaUrl] = useState('');
  const [showMedia, setShowMedia] = useState(false);
  const [upload, setUpload] = useState<UploadedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SendError | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const canned = languageFirst(useCannedAnswers(c.team), c.language);

  const isOwner = c.status === 'assigned' && c.assigneeId === props.agent.id;
  const windowOpen = c.window.allowed;
  const canType = note || (isOwner && windowOpen);
  const q = shortcutQuery(draft);
  const matches = q !== null && !dismissed ? matchCanned(canned, q) : null;
  const path = `/conversations/${encodeURIComponent(c.id)}`;

  const post = async (action: 'messages' | 'notes', body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${path}/${action}`, body);
      setDraft('');
      setMediaUrl('');
      setUpload(null);
      await props.onSent();
    } catch (err) {
      setError(toSendError(err));
    } finally {
      setBusy(false);
    }
  };

  const send = () => {
    const text = draft.trim();
    if (busy || (!text && !mediaUrl.trim() && !upload)) return;
    if (note) return void post('notes', { text });
    void post('messages', { ...(text ? { text } : {}), ...(mediaUrl.trim() ? { mediaUrl: mediaUrl.trim() } : {}), ...(upload ? { uploadId: upload.id } : {}) });
  };

  const pick = (a: CannedAnswer) => {
    setDraft(a.text);
    setActive(0);
    props.textareaRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (matches) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = Math.max(1, matches.length);
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && matches.length > 0) {
        e.preventDefault();
        const chosen = matches[Math.min(active, matches.length - 1)];
        if (chosen) pick(chosen);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(true);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  };

  const placeholder = note
    ? 'Private note: only agents see it'
    : !isOwner
      ? 'Claim the conversation to reply (notes are always possible)'
      : !windowOpen
        ? 'Free text is not possible now: see below'
        : 'Reply… (type / for canned answers, Enter to send, Shift+Enter for a new line)';

  return (
    <section class={`composer${note ? ' composer--note' : ''}`} aria-label="Reply" data-testid="composer">
      {!note && <WindowNotice channel={c.channel} window={c.window} />}
      <div class="composer__row">
        {matches && <CannedPopup items={matches} active={Math.min(active, Math.max(0, matches.length - 1))} onPick={pick} />}
        <textarea
          ref={props.textareaRef}
          class="composer__input"
          dir="auto"
          rows={3}
          value={draft}
          disabled={!canType || busy}
          placeholder={placeholder}
          aria-label={note ? 'Private note' : 'Reply to the customer'}
          aria-autocomplete="list"
          aria-controls={matches ? 'canned-list' : undefined}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setDismissed(false);
            setActive(0);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          data-testid="composer-input"
        />
        <div class="composer__side">
          <label class="toggle">
            <input type="checkbox" checked={note} onChange={(e) => setNote(e.currentTarget.checked)} data-testid="composer-note-toggle" />
            Private note
          </label>
          {!note && (
            <button type="button" class="btn btn--ghost" aria-expanded={showMedia} onClick={() => setShowMedia(!showMedia)} disabled={!canType}>
              Attach URL
            </button>
          )}
          {!note && <UploadButton conversationId={c.id} disabled={!canType} value={upload} onChange={setUpload} />}
          <button type="button" class="btn btn--primary" onClick={send} disabled={!canType || busy || (!draft.trim() && !mediaUrl.trim() && !(upload && !note))} data-testid="composer-send">
            {busy ? 'Sending…' : note ? 'Add note' : 'Send'}
          </button>
        </div>
      </div>
      {showMedia && !note && (
        <label class="composer__media">
          Media URL (https)
          <input type="url" value={mediaUrl} onInput={(e) => setMediaUrl(e.currentTarget.value)} placeholder="https://…" data-testid="composer-media" />
        </label>
      )}
      {error && (
        <p class={`error${error.refused ? ' error--refused' : ''}`} role="alert" data-testid="composer-error">
          {error.refused ? 'The channel refused this message: ' : 'Not sent: '}
          {error.message}
        </p>
      )}
      {!note && isOwner && !windowOpen && <TemplatePicker busy={busy} onSend={(template) => void post('messages', { template })} />}
    </section>
  );
}
