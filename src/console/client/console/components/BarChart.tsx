/** A horizontal bar chart in plain SVG: one row per key, the value printed at the bar's end. */
export function BarChart(props: { title: string; data: Record<string, number>; testId?: string; keepOrder?: boolean }) {
  const entries = Object.entries(props.data).filter(([, v]) => Number.isFinite(v));
  if (!props.keepOrder) entries.sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const row = 24;
  const labelW = 200;
  const barW = 220;
  const width = labelW + barW + 50;
  const height = Math.max(row, entries.length * row) + 4;
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      {entries.length === 0 ? (
        <p class="muted">No data for this period.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${props.title}: ${entries.map(([k, v]) => `${k} ${v}`).join(', ')}`}>
          {entries.map(([k, v], i) => {
            const y = i * row + 2;
            const w = Math.max(v > 0 ? 2 : 0, (v / max) * barW);
            return (
              <g key={k}>
                <text x={labelW - 8} y={y + row / 2 + 4} text-anchor="end" class="chart__label">
                  {k.replace(/_/g, ' ')}
                </text>
                <rect x={labelW} y={y + 3} width={w} height={row - 8} rx={3} class="chart__bar" />
                <text x={labelW + w + 6} y={y + row / 2 + 4} class="chart__value">
                  {v}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
