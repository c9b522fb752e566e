import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { createLogger } from '../../src/logger';
import { DashboardAggregates } from '../../src/metrics/aggregates/aggregateStore';
import { createDashboardFacts, withDashboardFacts } from '../../src/metrics/aggregates/dashboardFacts';
import { toCsv } from '../../src/metrics/dashboard/dashboardCsv';
import { startTestBaton, type TestBaton } from '../support/testBaton';
import { replaySeed, SEED_EXPECTED_REPORT, SEED_FOLLOW_UPS, SEED_FROM, SEED_NOW } from '../unit/metrics/dashboardSeed';
import { ADMIN, ensureConsoleBuilt, hasChromium, launchChromium, logIn, openPage, type WatchedPage } from './browser/support/browser';
import { eventually } from './browser/support/waits';

/**
 * The care dashboard in Chromium over the hand-worked seed week (test/unit/metrics/dashboardSeed.ts):
 * the seed is replayed into an in-process Baton's store, an admin signs in to the console, picks the
 * seed's period, and every figure the page shows equals the expected report; the CSV link downloads
 * exactly toCsv(expected). The replay goes through the store that records the dashboard's facts, as
 * the runtime wires it, so the page shows what the aggregates hold. The runtime's clock stands at the seed's "now" (overdue follow-ups).
 */

const describeWithChromium = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('[browser tests] /usr/bin/chromium not found (set CHROMIUM_PATH): dashboard test SKIPPED');

jest.setTimeout(60_000);

const expected = SEED_EXPECTED_REPORT;

describeWithChromium('the care dashboard over the seeded week', () => {
  let baton: TestBaton;
  let browser: Browser;
  let w: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    ensureConsoleBuilt();
    baton = await startTestBaton({
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SANDBOX_ENABLED: 'true', CONSOLE_ENABLED: 'true' },
      clock: () => SEED_NOW,
    });
    // The runtime's own Redis (same prefix), through a store whose clock the replay moves, recording the facts.
    let storeNow = SEED_FROM;
    const client = baton.runtime.redis.client;
    const facts = createDashboardFacts({ aggregates: new DashboardAggregates(client), timeZone: 'UTC', defaultLanguage: () => 'en', logger: createLogger('error') });
    const store = withDashboardFacts(new RedisConversationStore(client, () => storeNow), facts);
    const ids = await replaySeed(store, (ms) => {
      storeNow = ms;
    });
    for (const f of SEED_FOLLOW_UPS) {
      const opened = await baton.runtime.inbox.followUps.open({ conversationId: ids.get(f.conversationId)!, team: f.team, score: f.score, scale: f.scale, dueAt: f.dueAt });
      if (f.status === 'done') await baton.runtime.inbox.followUps.markDone(opened.id, 'seed');
    }
    browser = await launchChromium();
    w = await openPage(browser, baton.url);
    page = w.page;
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard').waitFor();
    const seedWeek = page.waitForResponse((r) => /\/api\/v1\/dashboard\?from=2025-03-01&to=2025-03-08$/.test(r.url()) && r.status() === 200);
    await page.getByTestId('period-to').fill('2025-03-07'); // the last day included
    await page.getByTestId('period-from').fill('2025-03-01');
    await seedWeek;
    await eventually(async () => (await tile('conversations')) === '12' || (await page.getByTestId('dashboard-error').count()) > 0, 'the seed week on the page');
  });

  afterAll(async () => {
    await w?.context.close();
    await browser?.close();
    await baton?.close();
  });

  async function tile(id: string): Promise<string> {
    const dd = page.getByTestId(`tile-${id}`).locator('dd');
    return (await dd.count()) ? ((await dd.textContent()) ?? '').trim() : '';
  }

  /** A chart's figures, read back from its accessible label ("Title: key 3, other 1"). */
  async function chart(testId: string): Promise<Record<string, number>> {
    const label = (await page.getByTestId(testId).locator('svg').getAttribute('aria-label')) ?? '';
    const body = label.slice(label.indexOf(':') + 1).trim();
    return Object.fromEntries(
      body.split(', ').map((pair) => {
        const i = pair.lastIndexOf(' ');
        return [pair.slice(0, i), Number(pair.slice(i + 1))];
      }),
    );
  }

  async function row(table: string, scope: string): Promise<string[]> {
    const cells = page.getByTestId(`${table}-${scope}`).locator('th, td');
    return (await cells.allTextContents()).map((t) => t.trim());
  }

  test('shows no error and touches nothing outside Baton', async () => {
    expect(await page.getByTestId('dashboard-error').count()).toBe(0);
    expect(w.outside).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  test('the headline tiles show the hand-worked figures', async () => {
    expect({
      conversations: await tile('conversations'),
      escalated: await tile('escalated'),
      resolved: await tile('resolved'),
      responseRate: await tile('responseRate'),
      firstResponseMedian: await tile('firstResponseMedian'),
      firstResponseP90: await tile('firstResponseP90'),
      avgHandle: await tile('avgHandle'),
      fcr: await tile('fcr'),
      containment: await tile('containment'),
      csat: await tile('csat'),
      resolutionMedian: await tile('resolutionMedian'),
      followUps: await tile('followUps'),
    }).toEqual({
      conversations: '12',
      escalated: '8',
      resolved: '7',
      responseRate: '75%', // 6 of 8
      firstResponseMedian: '3m 00s', // 180 000 ms
      firstResponseP90: '1h 0m', // 3 600 000 ms
      avgHandle: '42m 30s', // 2 550 000 ms
      fcr: '85.7%', // 0.8571
      containment: '33.3%', // 0.3333
      csat: '3.67 (3)', // csat5: 3 answers, average 3.67
      resolutionMedian: '22m 00s', // 1 320 000 ms
      followUps: '3 (2 overdue)', // open now: c05, c07, c13
    });
  });

  test('the NPS tiles show the score and promoters · passives · detractors, worked out by hand', async () => {
    // NPS answers of the week: c06 9, c07 6, c12 10 → promoters 2, passives 0, detractors 1; (2 − 1) / 3 = 33.3
    expect({ nps: await tile('nps'), breakdown: await tile('npsBreakdown') }).toEqual({ nps: '33.3 (3)', breakdown: '2 · 0 · 1' });
  });

  test('the escalations-by-reason chart holds every reason with its count', async () => {
    expect(await chart('chart-reasons')).toEqual(expected.escalationsByReason);
  });

  test('the CSAT chart holds the distribution of 1–5 answers', async () => {
    expect(await chart('chart-csat')).toEqual(expected.csat[0]!.distribution);
  });

  test('the channel and team charts hold conversations per channel and escalations per team', async () => {
    expect(await chart('chart-channels')).toEqual(Object.fromEntries(Object.entries(expected.byChannel).map(([k, f]) => [k, f.conversations])));
    expect(await chart('chart-teams')).toEqual(Object.fromEntries(Object.entries(expected.byTeam).map(([k, f]) => [k, f.escalated])));
  });

  test('the per-channel rows show each channel’s figures', async () => {
    // scope, conversations, escalated, response rate, first response (mean), handle time, containment, CSAT
    expect(await row('by-channel', 'messenger')).toEqual(['messenger', '4', '2', '100%', '17m 30s', '55m 00s', '50%', '7.50']);
    expect(await row('by-channel', 'sandbox')).toEqual(['sandbox', '1', '1', '100%', '1m 00s', '–', '0%', '–']);
    expect(await row('by-channel', 'whatsapp')).toEqual(['whatsapp', '7', '5', '60%', '21m 40s', '36m 15s', '28.6%', '3.67']);
  });

  test('the per-team rows show each team’s figures', async () => {
    expect(await row('by-team', 'bot')).toEqual(['bot', '4', '0', '–', '–', '–', '100%', '4.00']);
    expect(await row('by-team', 'care')).toEqual(['care', '5', '5', '60%', '21m 00s', '45m 00s', '0%', '3.50']);
    expect(await row('by-team', 'sales')).toEqual(['sales', '3', '3', '100%', '12m 40s', '40m 00s', '0%', '8.33']);
  });

  test('the per-agent rows show handled, first response, handle time and CSAT', async () => {
    // agent, handled, first response (mean), handle time (mean), CSAT (csat5 average, answers)
    expect(await row('by-agent', 'a-asha')).toEqual(['a-asha', '2', '2m 00s', '45m 00s', '3.50 (2)']);
    expect(await row('by-agent', 'a-bilal')).toEqual(['a-bilal', '3', '12m 40s', '40m 00s', '–']);
    expect(await row('by-agent', 'a-ravi')).toEqual(['a-ravi', '1', '30m 30s', '45m 00s', '–']);
  });

  test('the per-language rows show each language’s figures', async () => {
    expect(await row('by-language', 'en')).toEqual(['en', '7', '7', '71.4%', '14m 12s', '33m 00s', '0%', '3.50']);
    expect(await row('by-language', 'hi')).toEqual(['hi', '1', '0', '–', '–', '–', '100%', '–']);
    expect(await row('by-language', 'ne')).toEqual(['ne', '1', '1', '100%', '30m 00s', '1h 30m', '0%', '6.00']);
  });

  test('the CSV link downloads a file whose rows are toCsv(expected)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^baton-dashboard-.*\.csv$/);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.split('\r\n')).toEqual(toCsv(expected).split('\r\n'));
  });
});
