import { useEffect, useState } from 'preact/hooks';
import { api, API_BASE, errorText, query } from '../../shared/api';
import type { Dashboard, DashboardFigures } from '../../shared/types';
import { formatMs, formatPercent } from '../../shared/format';
import { AgentTable } from './AgentTable';
import { BarChart } from './BarChart';
import { BreakdownTable } from './BreakdownTable';
import { DailyChart } from './DailyChart';
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
          <DailyCharts data={data} />
          <div class="charts">
            <BarChart title="Escalations by reason" data={data.escalationsByReason} testId="chart-reasons" />
            <BarChart title="CSAT answers by score" data={data.csat[0]?.distribution ?? {}} testId="chart-csat" keepOrder />
            <BarChart title="Conversations by channel" data={breakdown(data.byChannel, (t) => t.conversations)} testId="chart-channels" />
            <BarChart title="Escalations by team" data={breakdown(data.byTeam, (t) => t.escalated)} testId="chart-teams" />
          </div>
          <AgentTable rows={data.byAgent} names={data.agentNames} />
          <BreakdownTable title="By language" rows={data.byLanguage} testId="by-language" />
          <BreakdownTable title="By channel" rows={data.byChannel} testId="by-channel" />
          <BreakdownTable title="By team" rows={data.byTeam} testId="by-team" />
          <p class="muted">
            Days in {data.period.timeZone}. Times are read from per-day histograms: at most 1 s + 1% below the exact value.
          </p>
        </>
      )}
    </main>
  );
}

const count = (v: number) => String(Math.round(v));

/** The daily series: volume, containment, first-response and resolution times, and CSAT per week. */
function DailyCharts({ data }: { data: Dashboard }) {
  const days = data.daily.map((d) => d.day);
  const weekly = Object.fromEntries(data.csatWeekly.filter((w) => w.average !== null).map((w) => [`week of ${w.week}`, w.average!]));
  return (
    <div class="charts charts--daily">
      <DailyChart
        title="Conversations and escalations per day"
        days={days}
        series={[
          { name: 'conversations', values: data.daily.map((d) => d.conversations), kind: 'bar', tone: 'a' },
          { name: 'escalated', values: data.daily.map((d) => d.escalated), kind: 'bar', tone: 'b' },
        ]}
        format={count}
        testId="daily-volume"
      />
      <DailyChart
        title="Bot containment per day"
        days={days}
        series={[{ name: 'contained', values: data.daily.map((d) => d.botContainment), kind: 'line', tone: 'a' }]}
        format={(v) => formatPercent(v)}
        max={1}
        testId="daily-containment"
      />
      <DailyChart
        title="First response per day"
        days={days}
        series={[
          { name: 'median', values: data.daily.map((d) => d.firstResponseMedianMs), kind: 'line', tone: 'a' },
          { name: 'p90', values: data.daily.map((d) => d.firstResponseP90Ms), kind: 'line', tone: 'b' },
        ]}
        format={formatMs}
        testId="daily-first-response"
      />
      <DailyChart
        title="Resolution time per day"
        days={days}
        series={[
          { name: 'median', values: data.daily.map((d) => d.resolutionMedianMs), kind: 'line', tone: 'a' },
          { name: 'p90', values: data.daily.map((d) => d.resolutionP90Ms), kind: 'line', tone: 'b' },
        ]}
        format={formatMs}
        testId="daily-resolution"
      />
      <BarChart title="CSAT average per week" data={weekly} testId="chart-csat-weekly" keepOrder />
    </div>
  );
}
