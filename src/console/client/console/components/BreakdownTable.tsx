import { formatMs, formatPercent } from '../../shared/format';
import type { DashboardFigures } from '../../shared/types';

/** The same figures per channel, team or language, one row each. */
export function BreakdownTable(props: { title: string; rows: Record<string, DashboardFigures>; testId: string }) {
  const entries = Object.entries(props.rows);
  if (entries.length === 0) return null;
  return (
    <section class="breakdown" data-testid={props.testId}>
      <h2>{props.title}</h2>
      <div class="breakdown__scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Scope</th>
            <th scope="col">Conversations</th>
            <th scope="col">Escalated</th>
            <th scope="col">Response rate</th>
            <th scope="col">First response (avg)</th>
            <th scope="col">Handle time</th>
            <th scope="col">Containment</th>
            <th scope="col">CSAT</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([scope, f]) => (
            <tr key={scope} data-testid={`${props.testId}-${scope}`}>
              <th scope="row">{scope}</th>
              <td>{f.conversations}</td>
              <td>{f.escalated}</td>
              <td>{formatPercent(f.responseRate)}</td>
              <td>{formatMs(f.firstResponseAvgMs)}</td>
              <td>{formatMs(f.avgHandleMs)}</td>
              <td>{formatPercent(f.botContainment)}</td>
              <td>{f.csat[0] ? f.csat[0].average.toFixed(2) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
