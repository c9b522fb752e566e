import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../shared/api';
import type { SandboxMessage } from '../shared/types';
import { LANGUAGE_HINTS } from './languageHints';
import { PhoneMessage } from './PhoneMessage';
import { getSandboxTranscript, postSandboxMessage } from './sandboxApi';

const NAME_KEY = 'baton.simulator.name';
const LANG_KEY = 'baton.simulator.language';

/**
 * The customer's phone on the sandbox channel; agent replies arrive by polling once a second.
 * A tapped quick reply posts its payload with its title as text, as WhatsApp and Messenger do;
 * the bot reads the payload first.
 */
export function Phone(props: { customerId: string; onNewCustomer: () => void }) {
  const [name, setName] = useState(() => sessionStorage.getItem(NAME_KEY) ?? 'Asha');
  const [lang, setLang] = useState(() => sessionStorage.getItem(LANG_KEY) ?? 'en');
  const [messages, setMessages] = useState<SandboxMessage[]>([]);
  const [pending, setPending] = useState<SandboxMessage[]>([]);
  const [status, setStatus] = useState<string>('new');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const screen = useRef<HTMLOListElement>(null);
  const hint = LANGUAGE_HINTS.find((h) => h.tag === lang) ?? LANGUAGE_HINTS[0]!;

  const refresh = async () => {
    try {
      const t = await getSandboxTranscript(props.customerId);
      if (!t) return;
      setMessages(t.messages);
      setStatus(t.status);
      setPending((p) => p.filter((m) => !t.messages.some((x) => x.direction === 'inbound' && x.text === m.text)));
    } catch {
      // the next poll tries again
    }
  };

  useEffect(() => {
    void refresh();
    const t = setInterval(() => void refresh(), 1000);
    return () => clearInterval(t);
  }, [props.customerId]);

  useEffect(() => {
    const el = screen.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length]);

  const send = async (body: { text?: string; payload?: string; shown: string }) => {
    setError(null);
    const local: SandboxMessage = {
      id: `local-${Date.now()}`,
      direction: 'inbound',
      author: 'customer',
      text: body.shown,
      media: [],
      status: 'pending',
      createdAt: new Date().toISOString(),
    };
    setPending((p) => [...p, local]);
    try {
      await postSandboxMessage({ from: props.customerId, name: name.trim() || undefined, text: body.text, payload: body.payload });
      await refresh();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending((p) => p.filter((m) => m.id !== local.id));
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    void send({ text, shown: text });
  };

  const lastOut = [...messages].reverse().find((m) => m.direction === 'outbound');
  const quick = lastOut?.quickReplies ?? [];

  return (
    <div class="phone" data-testid="phone">
      <div class="phone__settings">
        <label>
          Your name
          <input
            dir="auto"
            value={name}
            onInput={(e) => {
              setName(e.currentTarget.value);
              sessionStorage.setItem(NAME_KEY, e.currentTarget.value);
            }}
            data-testid="sim-name"
          />
        </label>
        <label>
          Language
          <select
            value={lang}
            onChange={(e) => {
              setLang(e.currentTarget.value);
              sessionStorage.setItem(LANG_KEY, e.currentTarget.value);
            }}
            data-testid="sim-language"
          >
            {LANGUAGE_HINTS.map((h) => (
              <option key={h.tag} value={h.tag}>
                {h.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="btn btn--ghost" onClick={props.onNewCustomer} data-testid="sim-new-customer">
          New customer
        </button>
      </div>
      <div class="phone__device">
        <div class="phone__top">
          <span data-testid="sim-customer-id">{props.customerId}</span>
          <span class={`status status--${status}`} data-testid="sim-status">
            {status}
          </span>
        </div>
        <ol class="phone__screen" ref={screen} aria-label="Chat" aria-live="polite" data-testid="sim-transcript">
          {messages.length === 0 && pending.length === 0 && (
            <li class="phone__hint">
              <p>Try one of these (the bot detects the language by itself):</p>
              {hint.samples.map((s) => (
                <button key={s} type="button" class="btn btn--ghost" dir="auto" onClick={() => setDraft(s)} data-testid="sim-sample">
                  {s}
                </button>
              ))}
            </li>
          )}
          {[...messages, ...pending]
            .filter((m) => m.direction !== 'internal')
            .map((m) => (
              <PhoneMessage key={m.id} message={m} />
            ))}
        </ol>
        {quick.length > 0 && (
          <div class="phone__quick" role="group" aria-label="Quick replies">
            {quick.map((q) => (
              <button key={q.payload} type="button" class="btn" dir="auto" onClick={() => void send({ text: q.title, payload: q.payload, shown: q.title })} data-testid="sim-quick-reply">
                {q.title}
              </button>
            ))}
          </div>
        )}
        {error && (
          <p class="error" role="alert" data-testid="sim-error">
            {error}
          </p>
        )}
        <form class="phone__composer" onSubmit={submit}>
          <input
            dir="auto"
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            placeholder={hint.samples[0]}
            aria-label="Message"
            data-testid="sim-input"
            lang={lang}
          />
          <button type="submit" class="btn btn--primary" data-testid="sim-send">
            Send
          </button>
        </form>
      </div>
    </div>
  );
}
