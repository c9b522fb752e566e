import { useEffect, useState } from 'preact/hooks';
import { api, API_BASE, errorText, query } from '../../shared/api';
import type { Dashboard, DashboardFigures } from '../../shared/types';
import { BarChart } from './BarChart';
import { BreakdownTable } from './BreakdownTable';
import { defaultPeriod, PeriodPicker, type Period } from './PeriodPicker';
import { StatTiles } from './StatTiles';

function breakdown(by: Record<string, DashboardFigures>, pick: (t: DashboardFigures) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(by).map(([k, t]) => [k, pick(t)]));
}

/** YYYY-MM-DD → the following day, YYYY-MM-DD (UTC calendar arithmetic). */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Care figures for a period, as tiles, small bar charts, and a CSV download. */
export function DashboardPage() {
  const [period, setPeriod] = useState<Period>(defaultPeriod());
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // The picker's "to" day is included; the API's `to` is the exclusive end, so ask up to the next day.
  const q = query({ from: period.from, to: dayAfter(period.to) });

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<Dashboard>(`/dashboard${q}`)
      .then((d) => live && setData(d))
      .catch((err) => live && setError(errorText(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [q]);

  return (
    <main class="dashboard" data-testid="dashboard">
      <div class="dashboard__bar">
        <h1>Dashboard</h1>
        <PeriodPicker value={period} onChange={setPeriod} />
        <a class="btn" href={`${API_BASE}/dashboard.csv${q}`} download data-testid="dashboard-csv">
          Download CSV
        </a>
      </div>
      {loading && <p class="muted">Loading…</p>}
      {error && (
        <p class="error" role="alert" data-testid="dashboard-error">
          {error}
        </p>
      )}
      {data && (
        <>
          <StatTiles figures={data} />
          <div class="charts">
            <BarChart title="Escalations by reason" data={data.escalationsByReason} testId="chart-reasons" />
            <BarChart title="CSAT answers by score" data={data.csat[0]?.distribution ?? {}} testId="chart-csat" keepOrder />
            <BarChart title="Conversations by channel" data={breakdown(data.byChannel, (t) => t.conversations)} testId="chart-channels" />
            <BarChart title="Escalations by team" data={breakdown(data.byTeam, (t) => t.escalated)} testId="chart-teams" />
          </div>
          <BreakdownTable title="By channel" rows={data.byChannel} testId="by-channel" />
          <BreakdownTable title="By team" rows={data.byTeam} testId="by-team" />
          {data.source?.truncated && <p class="muted">{data.source.note}</p>}
        </>
      )}
    </main>
  );
}
