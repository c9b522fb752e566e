import { useEffect, useRef, useState } from 'preact/hooks';
import { api, API_BASE } from '../../shared/api';
import { openEventStream, type StreamStatus } from '../../shared/eventStream';
import type { Agent, Team } from '../../shared/types';
import { titleWithCount } from '../documentTitle';
import { publishLive } from '../liveBus';
import type { Route } from '../route';
import { loadMuted, playChime, saveMuted } from '../sound';
import { useActivityPing } from '../useActivityPing';
import { itemsOf } from '../useInbox';
import { AdminPage } from '../admin/AdminPage';
import { DashboardPage } from './DashboardPage';
import { TrainingPage } from './TrainingPage';
import { Header } from './Header';
import { InboxPage } from './InboxPage';
import { ReconnectBanner } from './ReconnectBanner';

/** The logged-in console: header, the live stream, and the page the route names. */
export function Shell(props: { agent: Agent; route: Route; onAgentChange: (a: Agent) => void; onLoggedOut: () => void }) {
  const { agent, route } = props;
  const [teams, setTeams] = useState<Team[]>([]);
  const [stream, setStream] = useState<StreamStatus>('connecting');
  const [unseen, setUnseen] = useState(0);
  const [muted, setMuted] = useState(loadMuted());
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  useActivityPing(agent, props.onAgentChange);

  useEffect(() => {
    api
      .get<Team[] | { items: Team[] }>('/teams')
      .then((r) => setTeams(itemsOf(r)))
      .catch(() => setTeams([]));
  }, []);

  useEffect(
    () =>
      openEventStream(
        { url: `${API_BASE}/events` },
        {
          onStatus: setStream,
          onReconnected: () => publishLive({ kind: 'resync' }),
          beforeRetry: async () => {
            await api.get('/auth/me');
          },
          onEvent: (envelope) => {
            const e = envelope.event;
            if (e.type === 'conversation.escalated' && (agent.role === 'admin' || agent.teams.includes(e.team))) {
              setUnseen((n) => n + 1);
              if (!mutedRef.current) playChime();
            }
            publishLive({ kind: 'event', envelope });
          },
        },
      ),
    [agent.id],
  );

  useEffect(() => {
    document.title = titleWithCount(unseen);
  }, [unseen]);

  useEffect(() => {
    const seen = () => setUnseen(0);
    window.addEventListener('focus', seen);
    return () => window.removeEventListener('focus', seen);
  }, []);

  const toggleMute = () => {
    setMuted((m) => {
      saveMuted(!m);
      return !m;
    });
  };

  return (
    <div class="shell" data-stream={stream}>
      <Header
        agent={agent}
        route={route}
        muted={muted}
        unseen={unseen}
        onToggleMute={toggleMute}
        onAgentChange={props.onAgentChange}
        onLoggedOut={props.onLoggedOut}
      />
      {stream === 'lost' && <ReconnectBanner />}
      {route.page === 'admin' && agent.role === 'admin' ? (
        <AdminPage agent={agent} route={route} />
      ) : route.page === 'dashboard' && agent.role === 'admin' ? (
        <DashboardPage />
      ) : route.page === 'training' && agent.role === 'admin' ? (
        <TrainingPage />
      ) : (
        <InboxPage
          agent={agent}
          teams={teams}
          conversationId={route.page === 'inbox' ? route.conversationId : undefined}
          onSeen={() => setUnseen(0)}
        />
      )}
    </div>
  );
}
