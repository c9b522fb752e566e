export interface Period {
  from: string;
  to: string;
}

const day = 86400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` days, today included (dates as YYYY-MM-DD). */
export function lastDays(days: number, now = Date.now()): Period {
  return { from: iso(now - (days - 1) * day), to: iso(now) };
}

export const defaultPeriod = (): Period => lastDays(30);

export function PeriodPicker(props: { value: Period; onChange: (p: Period) => void }) {
  const { value } = props;
  return (
    <div class="period" role="group" aria-label="Period">
      {[7, 30, 90].map((d) => {
        const p = lastDays(d);
        const on = p.from === value.from && p.to === value.to;
        return (
          <button key={d} type="button" class="btn btn--ghost" aria-pressed={on} onClick={() => props.onChange(p)} data-testid={`period-${d}`}>
            {d} days
          </button>
        );
      })}
      <label>
        From <input type="date" value={value.from} max={value.to} onChange={(e) => e.currentTarget.value && props.onChange({ ...value, from: e.currentTarget.value })} data-testid="period-from" />
      </label>
      <label>
        To <input type="date" value={value.to} min={value.from} onChange={(e) => e.currentTarget.value && props.onChange({ ...value, to: e.currentTarget.value })} data-testid="period-to" />
      </label>
    </div>
  );
}
