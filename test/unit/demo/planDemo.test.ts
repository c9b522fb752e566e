import { planDemo } from '../../../src/demo/seed/plan';
import { DEMO_LANGUAGES, QUESTIONS } from '../../../src/demo/seed/content';

/** The demo month's plan (pure): what `npm run seed:demo` plays through the real services. */
const NOW = Date.UTC(2026, 11, 6, 9, 30);
const DAY = 86_400_000;
const month = planDemo({ conversations: 3000, seed: 42, now: NOW });

describe('the demo month plan', () => {
  it('is the same month for the same seed', () => {
    expect(planDemo({ conversations: 200, seed: 5, now: NOW })).toEqual(planDemo({ conversations: 200, seed: 5, now: NOW }));
  });

  it('is another month for another seed', () => {
    const a = planDemo({ conversations: 50, seed: 5, now: NOW }).map((c) => c.steps.map((s) => ('text' in s ? s.text : s.kind)).join('|'));
    const b = planDemo({ conversations: 50, seed: 6, now: NOW }).map((c) => c.steps.map((s) => ('text' in s ? s.text : s.kind)).join('|'));
    expect(a).not.toEqual(b);
  });

  it('has the asked number of conversations, every step within the past 30 days and in time order', () => {
    expect(month).toHaveLength(3000);
    for (const c of month) {
      const times = c.steps.map((s) => s.at);
      expect(times).toEqual([...times].sort((x, y) => x - y));
      for (const t of times) {
        expect(t).toBeGreaterThanOrEqual(NOW - 31 * DAY);
        expect(t).toBeLessThan(NOW);
      }
    }
  });

  it('writes in all five languages, each on WhatsApp, Messenger and the sandbox', () => {
    for (const language of DEMO_LANGUAGES) {
      expect(new Set(month.filter((c) => c.language === language).map((c) => c.channel))).toEqual(new Set(['whatsapp', 'messenger', 'sandbox']));
    }
  });

  it('has even a tiny month start with one escalation in each language', () => {
    const tiny = planDemo({ conversations: 5, seed: 1, now: NOW });
    expect(new Set(tiny.map((c) => c.language))).toEqual(new Set(DEMO_LANGUAGES));
    expect(tiny.every((c) => c.scenario === 'asks_person')).toBe(true);
  });

  it('is quiet at night and busier on weekdays (India time)', () => {
    const istHour = (t: number) => new Date(t + 5.5 * 3_600_000).getUTCHours();
    const night = month.filter((c) => istHour(c.startAt) < 6).length / month.length;
    expect(night).toBeLessThan(0.08);
    const weekday = (t: number) => new Date(t + 5.5 * 3_600_000).getUTCDay();
    const sundays = month.filter((c) => weekday(c.startAt) === 0).length;
    const mondays = month.filter((c) => weekday(c.startAt) === 1).length;
    expect(sundays).toBeLessThan(mondays);
  });

  it('sends about one conversation in five to a person', () => {
    const toPerson = month.filter((c) => ['asks_person', 'person_first', 'angry'].includes(c.scenario)).length / month.length;
    expect(toPerson).toBeGreaterThan(0.12);
    expect(toPerson).toBeLessThan(0.25);
  });

  it('fills every placeholder of the customers\' messages', () => {
    const texts = month.flatMap((c) => c.steps.flatMap((s) => ('text' in s && s.text ? [s.text] : [])));
    expect(texts.filter((t) => /\{(order|product|city|name)\}/.test(t))).toEqual([]);
    expect(Object.keys(QUESTIONS).length).toBeGreaterThanOrEqual(8);
  });
});
