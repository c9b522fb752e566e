import { formatMs } from '../../shared/format';
import type { DashboardFigures } from '../../shared/types';

/** One row per agent: resolutions handled, first response (mean), average handle time, CSAT. */
export function AgentTable(props: { rows: Record<string, DashboardFigures>; names: Record<string, string> }) {
  const entries = Object.entries(props.rows).sort((a, b) => b[1].handled - a[1].handled || a[0].localeCompare(b[0]));
  if (entries.length === 0) return null;
  return (
    <section class="breakdown" data-testid="by-agent">
      <h2>By agent</h2>
      <div class="breakdown__scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Handled</th>
              <th scope="col">First response (avg)</th>
              <th scope="col">Handle time (avg)</th>
              <th scope="col">CSAT</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([id, f]) => {
              const csat = f.csat.find((c) => c.scale === 'csat5');
              return (
                <tr key={id} data-testid={`by-agent-${id}`}>
                  <th scope="row">{props.names[id] ?? id}</th>
                  <td>{f.handled}</td>
                  <td>{formatMs(f.firstResponseAvgMs)}</td>
                  <td>{formatMs(f.avgHandleMs)}</td>
                  <td>{csat ? `${csat.average.toFixed(2)} (${csat.responses})` : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
