import type { Agent } from '../../shared/types';
import { onLinkClick, routePath, type AdminSection, type Route } from '../route';
import { AgentsScreen } from './AgentsScreen';
import { CannedScreen } from './CannedScreen';
import { CustomersScreen } from './CustomersScreen';
import { FollowUpsScreen } from './FollowUpsScreen';
import { TeamsScreen } from './TeamsScreen';

const SECTIONS: { section: AdminSection; label: string }[] = [
  { section: 'agents', label: 'Agents' },
  { section: 'teams', label: 'Teams' },
  { section: 'canned', label: 'Canned answers' },
  { section: 'follow-ups', label: 'Follow-ups' },
  { section: 'customers', label: 'Customers' },
];

/** The admin screens (the Shell shows them to admins only; the API refuses everyone else). */
export function AdminPage(props: { agent: Agent; route: Extract<Route, { page: 'admin' }> }) {
  const { section } = props.route;
  return (
    <main class="admin" data-testid="admin">
      <nav class="admin__nav" aria-label="Admin">
        {SECTIONS.map((s) => {
          const to: Route = { page: 'admin', section: s.section };
          return (
            <a
              key={s.section}
              href={routePath(to)}
              onClick={onLinkClick(to)}
              aria-current={section === s.section ? 'page' : undefined}
              data-testid={`admin-nav-${s.section}`}
            >
              {s.label}
            </a>
          );
        })}
      </nav>
      <section class="admin__body">
        {section === 'agents' && <AgentsScreen self={props.agent} />}
        {section === 'teams' && <TeamsScreen />}
        {section === 'canned' && <CannedScreen />}
        {section === 'follow-ups' && <FollowUpsScreen />}
        {section === 'customers' && <CustomersScreen customerId={props.route.customerId} />}
      </section>
    </main>
  );
}
