import { api } from '../../shared/api';
import type { Agent } from '../../shared/types';
import { onLinkClick, routePath, type Route } from '../route';
import { PresenceToggle } from './PresenceToggle';

export function Header(props: {
  agent: Agent;
  route: Route;
  muted: boolean;
  unseen: number;
  onToggleMute: () => void;
  onAgentChange: (a: Agent) => void;
  onLoggedOut: () => void;
}) {
  const { agent, route } = props;
  const logout = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    props.onLoggedOut();
  };
  const admin: Route = { page: 'admin', section: 'agents' };
  const inbox: Route = { page: 'inbox' };
  const dashboard: Route = { page: 'dashboard' };
  const training: Route = { page: 'training' };
  return (
    <header class="header">
      <a class="header__brand" href={routePath(inbox)} onClick={onLinkClick(inbox)}>
        Baton
        {props.unseen > 0 && (
          <span class="count" data-testid="unseen-count" aria-label={`${props.unseen} new escalations`}>
            {props.unseen}
          </span>
        )}
      </a>
      <nav class="header__nav" aria-label="Main">
        <a href={routePath(inbox)} onClick={onLinkClick(inbox)} aria-current={route.page === 'inbox' ? 'page' : undefined} data-testid="nav-inbox">
          Inbox
        </a>
        {agent.role === 'admin' && (
          <a href={routePath(admin)} onClick={onLinkClick(admin)} aria-current={route.page === 'admin' ? 'page' : undefined} data-testid="nav-admin">
            Admin
          </a>
        )}
        {agent.role === 'admin' && (
          <a
            href={routePath(dashboard)}
            onClick={onLinkClick(dashboard)}
            aria-current={route.page === 'dashboard' ? 'page' : undefined}
            data-testid="nav-dashboard"
          >
            Dashboard
          </a>
        )}
        {agent.role === 'admin' && (
          <a href={routePath(training)} onClick={onLinkClick(training)} aria-current={route.page === 'training' ? 'page' : undefined} data-testid="nav-training">
            Training
          </a>
        )}
      </nav>
      <div class="header__tools">
        <PresenceToggle agent={agent} onChange={props.onAgentChange} />
        <button
          type="button"
          class="btn btn--ghost"
          aria-pressed={props.muted}
          onClick={props.onToggleMute}
          data-testid="mute-toggle"
          title="Sound for new escalations"
        >
          {props.muted ? 'Sound off' : 'Sound on'}
        </button>
        <span class="header__who" data-testid="agent-name">
          {agent.name}
        </span>
        <button type="button" class="btn btn--ghost" onClick={logout} data-testid="logout">
          Log out
        </button>
      </div>
    </header>
  );
}
