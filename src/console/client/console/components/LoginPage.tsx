import { useState } from 'preact/hooks';
import { api, errorText } from '../../shared/api';
import type { Agent, LoginResponse } from '../../shared/types';

export function LoginPage(props: { message?: string; onLoggedIn: (agent: Agent) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<LoginResponse>('/auth/login', { email, password }, { quiet401: true });
      props.onLoggedIn(r.agent);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="login__card" onSubmit={submit} data-testid="login-form" aria-labelledby="login-title">
        <h1 id="login-title">Baton</h1>
        <p class="muted">Agent console</p>
        {props.message && (
          <p class="notice" role="status" data-testid="login-message">
            {props.message}
          </p>
        )}
        <label>
          E-mail
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            dir="auto"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            data-testid="login-email"
            autoFocus
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            data-testid="login-password"
          />
        </label>
        {error && (
          <p class="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn--primary" disabled={busy} data-testid="login-submit">
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
