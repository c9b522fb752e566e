import { formatMs, formatPercent } from '../../shared/format';
import type { DashboardFigures } from '../../shared/types';

/** The headline figures of the period, one tile each. */
export function StatTiles(props: { figures: DashboardFigures }) {
  const t = props.figures;
  const csat = t.csat[0];
  const tiles: [string, string, string][] = [
    ['Conversations', String(t.conversations), 'conversations'],
    ['Escalated', String(t.escalated), 'escalated'],
    ['Resolved', String(t.resolved), 'resolved'],
    ['Response rate', formatPercent(t.responseRate), 'responseRate'],
    ['First response (median)', formatMs(t.firstResponseMedianMs), 'firstResponseMedian'],
    ['First response (p90)', formatMs(t.firstResponseP90Ms), 'firstResponseP90'],
    ['Average handle time', formatMs(t.avgHandleMs), 'avgHandle'],
    ['First-contact resolution', formatPercent(t.firstContactResolution), 'fcr'],
    ['Bot containment', formatPercent(t.botContainment), 'containment'],
    [
      csat?.scale === 'nps10' ? 'NPS' : 'CSAT average',
      csat ? (csat.scale === 'nps10' ? String(csat.nps ?? '–') : `${csat.average.toFixed(2)} (${csat.responses})`) : '–',
      'csat',
    ],
    ...(t.nps
      ? ([
          ['NPS', `${t.nps.score} (${t.nps.responses})`, 'nps'],
          ['Promoters · passives · detractors', `${t.nps.promoters} · ${t.nps.passives} · ${t.nps.detractors}`, 'npsBreakdown'],
        ] as [string, string, string][])
      : []),
    ...(t.calls
      ? ([['Deflected calls (became conversations)', `${t.calls.deflected} (${t.calls.becameConversations})`, 'calls']] as [string, string, string][])
      : []),
    ['Resolution time (median)', formatMs(t.resolutionMedianMs), 'resolutionMedian'],
    ...(t.openFollowUps
      ? ([['Open follow-ups', `${t.openFollowUps.open}${t.openFollowUps.overdue ? ` (${t.openFollowUps.overdue} overdue)` : ''}`, 'followUps']] as [string, string, string][])
      : []),
  ];
  return (
    <dl class="tiles" data-testid="dashboard-tiles">
      {tiles.map(([label, value, id]) => (
        <div class="tile" key={label} data-testid={`tile-${id}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
