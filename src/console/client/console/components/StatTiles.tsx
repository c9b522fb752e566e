import { formatMs, formatPercent } from '../../shared/format';
import type { DashboardTotals } from '../../shared/types';

export function StatTiles(props: { totals: DashboardTotals; openFollowUps: number }) {
  const t = props.totals;
  const tiles: [string, string][] = [
    ['Conversations', String(t.conversations)],
    ['Escalated', String(t.escalated)],
    ['Resolved', String(t.resolved)],
    ['Response rate', formatPercent(t.responseRate)],
    ['First response (median)', formatMs(t.firstResponseMedianMs)],
    ['First response (p90)', formatMs(t.firstResponseP90Ms)],
    ['Average handle time', formatMs(t.avgHandleMs)],
    ['First-contact resolution', formatPercent(t.firstContactResolution)],
    ['Bot containment', formatPercent(t.botContainment)],
    ['CSAT average', t.csatAverage === null || t.csatAverage === undefined ? '–' : t.csatAverage.toFixed(2)],
    ['Open follow-ups', String(props.openFollowUps)],
  ];
  return (
    <dl class="tiles" data-testid="dashboard-tiles">
      {tiles.map(([label, value]) => (
        <div class="tile" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
