import { aggregateReport } from '../../../../src/metrics/aggregates/aggregateReport';

/** The report from per-day counters, on small hand-made days (the seed week covers the rest). */

const day = (fields: Record<string, number>) => new Map(Object.entries(fields));
const NOW = Date.UTC(2026, 10, 4, 12);
const report = (days: Record<string, Record<string, number>>, followUps: { status: 'open' | 'done'; dueAt: number; team?: string }[] = []) =>
  aggregateReport({
    days: new Map(Object.entries(days).map(([d, f]) => [d, day(f)])),
    period: { from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 4), timeZone: 'UTC' },
    followUps,
    now: NOW,
  });

describe('the dashboard report from aggregates', () => {
  test('sums the days, and keeps each day in the daily series, empty days included', () => {
    const r = report({
      '2026-11-02': { 'all|conversations': 3, 'all|escalated': 1, 'all|frt#120': 1 },
      '2026-11-03': {},
    });
    expect(r.conversations).toBe(3);
    expect(r.daily).toEqual([
      { day: '2026-11-02', conversations: 3, escalated: 1, botContainment: 0.6667, resolved: 0, firstResponseMedianMs: 120_000, firstResponseP90Ms: 120_000, resolutionMedianMs: null, resolutionP90Ms: null },
      { day: '2026-11-03', conversations: 0, escalated: 0, botContainment: null, resolved: 0, firstResponseMedianMs: null, firstResponseP90Ms: null, resolutionMedianMs: null, resolutionP90Ms: null },
    ]);
  });

  test('counts NPS answers from the NPS survey and from CSAT held on the 0–10 scale together', () => {
    // NPS survey: 10 and 3; CSAT on nps10: 8 → 1 promoter, 1 passive, 1 detractor: (1 − 1) / 3 = 0
    const r = report({ '2026-11-02': { 'all|nps:10': 1, 'all|nps:3': 1, 'all|nps10:8': 1 } });
    expect(r.nps).toEqual({ responses: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
    expect(r.csat).toEqual([{ scale: 'nps10', responses: 1, average: 8, distribution: { '0': 0, '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 1, '9': 0, '10': 0 }, nps: 0 }]);
  });

  test('lists no scope with nothing counted, and never a negative count', () => {
    const r = report({ '2026-11-02': { 'all|conversations': 1, 'team:bot|conversations': 0, 'team:care|conversations': 1, 'ch:sandbox|conversations': -1 } });
    expect(Object.keys(r.byTeam)).toEqual(['care']);
    expect(r.byChannel).toEqual({});
  });

  test('counts follow-ups open now for the whole desk and per team, overdue when due before now', () => {
    const r = report({ '2026-11-02': { 'team:care|conversations': 1 } }, [
      { status: 'open', dueAt: NOW - 1, team: 'care' },
      { status: 'open', dueAt: NOW + 1, team: 'sales' },
      { status: 'done', dueAt: NOW - 1, team: 'care' },
    ]);
    expect(r.openFollowUps).toEqual({ open: 2, overdue: 1 });
    expect(r.byTeam.care!.openFollowUps).toEqual({ open: 1, overdue: 1 });
  });

  test('means are exact; a call figure appears only when a call was deflected', () => {
    const r = report({ '2026-11-02': { 'all|frtSum': 100_001, 'all|frtN': 2, 'all|callsDeflected': 2, 'all|callsConverted': 1 } });
    expect(r.firstResponseAvgMs).toBe(50_001);
    expect(r.calls).toEqual({ deflected: 2, becameConversations: 1 });
    expect(report({ '2026-11-02': {} }).calls).toBeUndefined();
  });
});
