import type { Page } from 'playwright-core';
import { ADMIN, apiAs, customerSays, logIn, uniqueCustomer } from './support/browser';
import { describeWithChromium, useBrowserDesk } from './support/desk';
import { CARE_AGENT, DESK } from './support/seed';
import { eventually } from './support/waits';

/**
 * The dashboard a team lead reads, filled the way production fills it: four customers write on the
 * sandbox channel and two agents claim, reply and resolve through the real API while the server's
 * clock stands at known times; the customers answer the survey. The page's per-agent table and
 * daily series must show the figures worked out by hand below (no figure is read back from the
 * server to build the expectation).
 *
 * Server clock (UTC), on Monday 2 and Tuesday 3 November 2026:
 *
 *   A  2 Nov 09:00 asks for a person (opened and escalated) · 09:02 Care Agent claims · 09:04 replies
 *      · 09:20 resolves · 09:21 customer answers 5
 *   B  2 Nov 10:00 asks for a person · 10:01 Desk Admin claims · 10:11 replies · 10:41 resolves
 *      · 10:42 customer answers 3
 *   C  2 Nov 11:00 says hello: the bot answers, nobody is asked for (contained)
 *   D  3 Nov 09:00 asks for a person · 09:05 Care Agent claims · 09:06 replies · 09:36 resolves
 *      · 09:37 customer answers 4
 */

jest.setTimeout(120_000);

const at = (day: 2 | 3, hh: number, mm: number) => Date.UTC(2026, 10, day, hh, mm);
let now = at(2, 8, 0);

describeWithChromium('the dashboard filled through the real API', () => {
  const desk = useBrowserDesk({ clock: () => now });
  let careAgentId = '';
  let deskId = '';

  beforeAll(async () => {
    const url = desk.baton.url;
    const admin = await apiAs(url, ADMIN.email, ADMIN.password);
    const agents = (await admin<{ items: { id: string; email: string }[] }>('GET', '/agents')).items;
    careAgentId = agents.find((a) => a.email === CARE_AGENT.email)!.id;
    deskId = agents.find((a) => a.email === DESK.email)!.id;
    const careAgent = await apiAs(url, CARE_AGENT.email, CARE_AGENT.password);
    const deskAdmin = await apiAs(url, DESK.email, DESK.password);

    /** One escalated conversation, step by step at the given minutes of the day. */
    async function handled(day: 2 | 3, by: typeof careAgent, times: { ask: [number, number]; claim: [number, number]; reply: [number, number]; resolve: [number, number]; score: string }) {
      const from = uniqueCustomer('dash');
      now = at(day, ...times.ask);
      const id = (await customerSays(url, from, 'I want to talk to a human agent please')).conversationId!;
      now = at(day, ...times.claim);
      await by('POST', `/conversations/${id}/claim`);
      now = at(day, ...times.reply);
      await by('POST', `/conversations/${id}/messages`, { text: 'Your refund was issued today.' });
      now = at(day, ...times.resolve);
      await by('POST', `/conversations/${id}/resolve`);
      now = at(day, times.resolve[0], times.resolve[1] + 1);
      await customerSays(url, from, times.score);
    }

    await handled(2, careAgent, { ask: [9, 0], claim: [9, 2], reply: [9, 4], resolve: [9, 20], score: '5' });
    await handled(2, deskAdmin, { ask: [10, 0], claim: [10, 1], reply: [10, 11], resolve: [10, 41], score: '3' });
    now = at(2, 11, 0);
    await customerSays(url, uniqueCustomer('dash'), 'hello');
    await handled(3, careAgent, { ask: [9, 0], claim: [9, 5], reply: [9, 6], resolve: [9, 36], score: '4' });
  });

  async function openDashboard(page: Page): Promise<void> {
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    const twoDays = page.waitForResponse((r) => /\/api\/v1\/dashboard\?from=2026-11-02&to=2026-11-04$/.test(r.url()) && r.status() === 200);
    await page.getByTestId('period-to').fill('2026-11-03'); // the last day included
    await page.getByTestId('period-from').fill('2026-11-02');
    await twoDays;
    await eventually(async () => ((await page.getByTestId('tile-conversations').locator('dd').textContent()) ?? '') === '4', 'the two days on the page');
  }

  const label = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('svg').getAttribute('aria-label')) ?? '';
  const row = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('th, td').allTextContents()).map((t) => t.trim());

  test('the per-agent table shows handled, first response, handle time and CSAT worked out by hand', async () => {
    const { page } = desk.w;
    await openDashboard(page);
    // Care Agent: A and D. First responses 4m (09:00→09:04) and 6m (09:00→09:06): mean 5m 00s.
    // Handle times 18m (09:02→09:20) and 31m (09:05→09:36): (18 + 31) / 2 = 24.5m → 24m 30s. CSAT (5 + 4) / 2 = 4.50 from 2 answers.
    expect(await row(page, `by-agent-${careAgentId}`)).toEqual(['Care Agent', '2', '5m 00s', '24m 30s', '4.50 (2)']);
    // Desk Admin: B. First response 11m (escalated 10:00, replied 10:11), handle 40m (claimed 10:01 → resolved 10:41), CSAT 3.
    expect(await row(page, `by-agent-${deskId}`)).toEqual(['Desk Admin', '1', '11m 00s', '40m 00s', '3.00 (1)']);
  });

  test('the daily series show volume, containment, first response and resolution per day', async () => {
    const { page } = desk.w;
    await openDashboard(page);
    // 2 Nov: A, B, C opened, A and B escalated; 3 Nov: D opened and escalated.
    expect(await label(page, 'daily-volume')).toBe('Conversations and escalations per day: 2026-11-02 3 · 2, 2026-11-03 1 · 1');
    // contained: C of 3 → 33.3 %; none of 1 → 0 %
    expect(await label(page, 'daily-containment')).toBe('Bot containment per day: 2026-11-02 33.3%, 2026-11-03 0%');
    // 2 Nov first responses 4m, 11m: median rank 1 → 4m, p90 rank ceil(1.8) = 2 → 11m; 3 Nov: 6m.
    expect(await label(page, 'daily-first-response')).toBe('First response per day: 2026-11-02 4m 00s · 11m 00s, 2026-11-03 6m 00s · 6m 00s');
    // resolution = opening → resolution: A 20m (09:00→09:20), B 41m (10:00→10:41); D 36m (09:00→09:36).
    expect(await label(page, 'daily-resolution')).toBe('Resolution time per day: 2026-11-02 20m 00s · 41m 00s, 2026-11-03 36m 00s · 36m 00s');
  });

  test('the per-language table and the CSAT week are filled from the same facts', async () => {
    const { page } = desk.w;
    await openDashboard(page);
    // all four in English; 3 escalated of 4 → containment 25 %; replied 3 of 3; first responses 4m, 6m, 11m → mean 7m;
    // handle times 18m, 31m, 40m → 89m / 3 = 29m 40s; CSAT (5 + 3 + 4) / 3 = 4.00
    expect(await row(page, 'by-language-en')).toEqual(['en', '4', '3', '100%', '7m 00s', '29m 40s', '25%', '4.00']);
    // 2 and 3 November 2026 are both in the week of Monday 2 November
    expect(await label(page, 'chart-csat-weekly')).toBe('CSAT average per week: week of 2026-11-02 4');
  });

  test('at 390 px wide the dashboard fits the screen and its tables scroll inside their box', async () => {
    const { page } = desk.w;
    await page.setViewportSize({ width: 390, height: 844 });
    await openDashboard(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const chart = await page.getByTestId('daily-volume').boundingBox();
    expect(chart!.width).toBeLessThanOrEqual(390);
  });
});
