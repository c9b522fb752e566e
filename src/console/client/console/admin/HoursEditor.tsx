import { useState } from 'preact/hooks';
import { WEEKDAYS, type HoursForm, type Interval, type Weekday } from './hoursForm';

/** Every IANA zone the browser knows, offered as suggestions (the API checks what is typed). */
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Time zone, opening intervals per weekday (HH:MM, 24-hour; 24:00 closes at midnight), holidays. */
export function HoursEditor(props: { value: HoursForm; onChange: (f: HoursForm) => void }) {
  const f = props.value;
  const [holiday, setHoliday] = useState('');
  const setDay = (day: Weekday, intervals: Interval[]) => props.onChange({ ...f, days: { ...f.days, [day]: intervals } });
  const setInterval = (day: Weekday, i: number, patch: Partial<Interval>) =>
    setDay(
      day,
      f.days[day].map((iv, j) => (j === i ? { ...iv, ...patch } : iv)),
    );
  return (
    <fieldset class="admin__hours" data-testid="hours">
      <legend>Business hours</legend>
      <label class="toggle">
        <input type="checkbox" checked={f.enabled} onChange={(e) => props.onChange({ ...f, enabled: e.currentTarget.checked })} data-testid="hours-enabled" />
        Set business hours (off: always open)
      </label>
      {f.enabled && (
        <>
          <label>
            Time zone
            <input list="admin-zones" value={f.timeZone} onInput={(e) => props.onChange({ ...f, timeZone: e.currentTarget.value })} data-testid="hours-zone" />
            <datalist id="admin-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          <table class="admin__days">
            <tbody>
              {WEEKDAYS.map(({ day, name }) => (
                <tr key={day} data-testid={`hours-${day}`}>
                  <th scope="row">{name}</th>
                  <td>
                    {f.days[day].length === 0 && <span class="muted">closed</span>}
                    {f.days[day].map((iv, i) => (
                      <span class="admin__interval" key={i}>
                        <input
                          aria-label={`${name} opens`}
                          placeholder="09:00"
                          size={5}
                          value={iv.open}
                          onInput={(e) => setInterval(day, i, { open: e.currentTarget.value })}
                          data-testid={`hours-${day}-open-${i}`}
                        />
                        –
                        <input
                          aria-label={`${name} closes`}
                          placeholder="18:00"
                          size={5}
                          value={iv.close}
                          onInput={(e) => setInterval(day, i, { close: e.currentTarget.value })}
                          data-testid={`hours-${day}-close-${i}`}
                        />
                        <button type="button" class="btn btn--ghost" aria-label={`Remove this ${name} interval`} onClick={() => setDay(day, f.days[day].filter((_, j) => j !== i))}>
                          ×
                        </button>
                      </span>
                    ))}
                    {f.days[day].length < 4 && (
                      <button type="button" class="btn btn--ghost" onClick={() => setDay(day, [...f.days[day], { open: '09:00', close: '18:00' }])} data-testid={`hours-${day}-add`}>
                        + hours
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="admin__holidays">
            <label>
              Holiday (closed all day, in the team's time zone)
              <input type="date" value={holiday} onInput={(e) => setHoliday(e.currentTarget.value)} data-testid="holiday-date" />
            </label>
            <button
              type="button"
              class="btn"
              disabled={holiday === ''}
              onClick={() => {
                props.onChange({ ...f, holidays: [...new Set([...f.holidays, holiday])].sort() });
                setHoliday('');
              }}
              data-testid="holiday-add"
            >
              Add holiday
            </button>
            <ul data-testid="holidays">
              {f.holidays.map((d) => (
                <li key={d}>
                  {d}{' '}
                  <button type="button" class="btn btn--ghost" aria-label={`Remove the holiday ${d}`} onClick={() => props.onChange({ ...f, holidays: f.holidays.filter((h) => h !== d) })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </fieldset>
  );
}
