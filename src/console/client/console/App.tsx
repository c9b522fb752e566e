import { useEffect, useState } from 'preact/hooks';
import { api, onSessionExpired } from '../shared/api';
import type { Agent } from '../shared/types';
import { LoginPage } from './components/LoginPage';
import { Shell } from './components/Shell';
import { navigate, useRoute, type Route } from './route';

type Session = { state: 'checking' } | { state: 'out'; message?: string } | { state: 'in'; agent: Agent };

function agentOf(r: Agent | { agent: Agent }): Agent {
  return 'agent' in r ? r.agent : r;
}

/** Who is logged in decides what is shown: the login page, or the console shell. */
export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [afterLogin, setAfterLogin] = useState<Route>(route.page === 'login' ? { page: 'inbox' } : route);

  useEffect(() => {
    api
      .get<Agent | { agent: Agent }>('/auth/me', { quiet401: true })
      .then((r) => setSession({ state: 'in', agent: agentOf(r) }))
      .catch(() => setSession({ state: 'out' }));
  }, []);

  useEffect(
    () =>
      onSessionExpired(() => {
        setSession((s) => (s.state === 'in' ? { state: 'out', message: 'Your session has expired. Please log in again.' } : s));
      }),
    [],
  );

  useEffect(() => {
    if (session.state === 'out' && route.page !== 'login') {
      setAfterLogin(route);
      navigate({ page: 'login' }, { replace: true });
    }
    if (session.state === 'in' && route.page === 'login') navigate(afterLogin, { replace: true });
  }, [session.state, route.page]);

  if (session.state === 'checking') return <div class="splash">Loading Baton…</div>;
  if (session.state === 'out') {
    return <LoginPage message={session.message} onLoggedIn={(agent) => setSession({ state: 'in', agent })} />;
  }
  return (
    <Shell
      agent={session.agent}
      route={route}
      onAgentChange={(agent) => setSession({ state: 'in', agent })}
      onLoggedOut={() => setSession({ state: 'out', message: 'You have logged out.' })}
    />
  );
}
