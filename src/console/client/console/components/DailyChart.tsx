/**
 * A chart of daily series in plain SVG (no chart library: a few rects and polylines are all it
 * needs, and the console bundle stays small). Bars for counts, lines for times or ratios; every
 * series shares the y axis. The accessible label lists every day's values, so a screen reader (and
 * the browser test) reads the figures the chart draws.
 */
export interface Series {
  name: string;
  values: (number | null)[];
  kind: 'bar' | 'line';
  /** CSS class of the bar or line (its colour). */
  tone: 'a' | 'b';
}

const W = 640;
const H = 180;
const PAD_L = 56;
const PAD_B = 22;
const PAD_T = 8;

export function DailyChart(props: { title: string; days: string[]; series: Series[]; format: (v: number) => string; testId: string; max?: number }) {
  const { days, series } = props;
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const hasData = all.some((v) => v > 0);
  const max = props.max ?? Math.max(1, ...all);
  const plotW = W - PAD_L - 8;
  const plotH = H - PAD_B - PAD_T;
  const slot = plotW / Math.max(1, days.length);
  const bars = series.filter((s) => s.kind === 'bar');
  const barW = Math.max(1, (slot * 0.8) / Math.max(1, bars.length));
  const y = (v: number) => PAD_T + plotH - (Math.min(v, max) / max) * plotH;
  const label = `${props.title}: ${days
    .map((d, i) => `${d} ${series.map((s) => (s.values[i] === null || s.values[i] === undefined ? '–' : props.format(s.values[i]!))).join(' · ')}`)
    .join(', ')}`;
  const tickEvery = Math.max(1, Math.ceil(days.length / 6));
  return (
    <figure class="chart chart--daily" data-testid={props.testId}>
      <figcaption>
        {props.title}
        <span class="chart__legend">
          {series.map((s) => (
            <span key={s.name} class={`chart__key chart__key--${s.tone}`}>
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      {!hasData ? (
        <p class="muted">No data for this period.</p>
      ) : (
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label}>
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line x1={PAD_L} x2={W - 8} y1={y(max * f)} y2={y(max * f)} class="chart__grid" />
              <text x={PAD_L - 6} y={y(max * f) + 4} text-anchor="end" class="chart__axis">
                {props.format(max * f)}
              </text>
            </g>
          ))}
          {days.map((d, i) =>
            i % tickEvery === 0 ? (
              <text key={d} x={PAD_L + slot * i + slot / 2} y={H - 6} text-anchor="middle" class="chart__axis">
                {d.slice(5)}
              </text>
            ) : null,
          )}
          {bars.map((s, b) =>
            s.values.map((v, i) =>
              v === null || v <= 0 ? null : (
                <rect key={`${s.name}${i}`} x={PAD_L + slot * i + slot * 0.1 + b * barW} y={y(v)} width={barW} height={PAD_T + plotH - y(v)} class={`chart__bar--${s.tone}`}>
                  <title>{`${days[i]} ${s.name}: ${props.format(v)}`}</title>
                </rect>
              ),
            ),
          )}
          {series
            .filter((s) => s.kind === 'line')
            .map((s) => {
              const points = s.values.map((v, i) => (v === null ? null : `${(PAD_L + slot * i + slot / 2).toFixed(1)},${y(v).toFixed(1)}`));
              // A gap (a day with no value) breaks the line.
              const runs: string[][] = [[]];
              for (const p of points) {
                if (p === null) runs.push([]);
                else runs[runs.length - 1]!.push(p);
              }
              return (
                <g key={s.name} class={`chart__line--${s.tone}`}>
                  {runs.filter((r) => r.length > 1).map((r, k) => <polyline key={k} points={r.join(' ')} fill="none" />)}
                  {points.map((p, i) => (p === null ? null : <circle key={i} cx={p.split(',')[0]} cy={p.split(',')[1]} r={2.5} />))}
                </g>
              );
            })}
        </svg>
      )}
    </figure>
  );
}
