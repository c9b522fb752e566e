import Redis from 'ioredis';
import { DashboardAggregates, dayKey, seenKey } from '../../../src/metrics/aggregates/aggregateStore';
import type { FactWrite } from '../../../src/metrics/aggregates/facts';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/** The per-day aggregates on a real Redis: facts count once, whoever records them and however often. */

const DAY = '2026-11-02';
const opened = (id: string, channel = 'whatsapp'): FactWrite => ({
  day: DAY,
  conversationId: id,
  groups: [{ marker: 'opened', inc: [['all', 'conversations', 1], [`ch:${channel}`, 'conversations', 1], ['@team', 'conversations', 1]] }],
});
const escalated = (id: string, team: string, language: string): FactWrite => ({
  day: DAY,
  conversationId: id,
  team,
  language,
  groups: [{ marker: 'escalated', inc: [['all', 'escalated', 1], ['@team', 'escalated', 1], ['@lang', 'escalated', 1]] }],
});

describeWithRedis('dashboard aggregates on a real Redis server', () => {
  const prefix = uniquePrefix('dashagg');
  let redis: Redis;
  let other: Redis;
  let a: DashboardAggregates;
  let b: DashboardAggregates;

  beforeAll(() => {
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    other = new Redis(testRedisUrl, { keyPrefix: prefix });
    a = new DashboardAggregates(redis);
    b = new DashboardAggregates(other);
  });

  afterAll(async () => {
    await deletePrefix(testRedisUrl, prefix);
    redis.disconnect();
    other.disconnect();
  });

  beforeEach(async () => {
    await redis.del(dayKey(DAY), seenKey(DAY));
  });

  const counters = async () => Object.fromEntries((await a.readDays([DAY])).get(DAY)!);

  test('a fact recorded again (a redelivered event) is counted once', async () => {
    expect(await a.record(opened('c_1'))).toBe(1);
    expect(await a.record(opened('c_1'))).toBe(0);
    expect(await counters()).toEqual({ 'all|conversations': 1, 'ch:whatsapp|conversations': 1, 'team:bot|conversations': 1 });
  });

  test('two instances recording the same facts at once count each fact once', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `c_${i}`);
    await Promise.all(ids.flatMap((id) => [a.record(opened(id)), b.record(opened(id)), a.record(opened(id))]));
    expect((await counters())['all|conversations']).toBe(50);
  });

  test('an escalation moves the conversation from team bot to its team and pins its language', async () => {
    await a.record(opened('c_1'));
    await a.record(escalated('c_1', 'care', 'ne'));
    // a later fact naming another team or language changes neither: the first pin holds
    await b.record({ ...escalated('c_1', 'sales', 'en'), groups: [{ marker: 'resolved', inc: [['@team', 'resolved', 1], ['@lang', 'resolved', 1]] }] });
    expect(await counters()).toEqual({
      'all|conversations': 1,
      'ch:whatsapp|conversations': 1,
      'team:bot|conversations': 0,
      'team:care|conversations': 1,
      'lang:ne|conversations': 1,
      'all|escalated': 1,
      'team:care|escalated': 1,
      'lang:ne|escalated': 1,
      'team:care|resolved': 1,
      'lang:ne|resolved': 1,
    });
  });

  test("a conversation's counted facts and pins are one field of the day's markers", async () => {
    await a.record(opened('c_1'));
    await a.record(escalated('c_1', 'care', 'ne'));
    expect(await redis.hgetall(seenKey(DAY))).toEqual({ c_1: '|opened|@lang=ne|@team=care|escalated|' });
    expect(await a.markers(DAY, 'c_1')).toEqual(['escalated', 'opened']);
  });

  test('markers and pins written a field each by versions before still count: a fact is not counted again, a pin holds', async () => {
    await redis.hset(seenKey(DAY), 'c_9|opened', '1', 'c_9|@team', 'care');
    expect(await a.record(opened('c_9'))).toBe(0);
    await a.record(escalated('c_9', 'sales', 'en'));
    expect(await counters()).toEqual({ 'team:care|escalated': 1, 'all|escalated': 1, 'lang:en|conversations': 1, 'lang:en|escalated': 1 });
    expect(await a.markers(DAY, 'c_9')).toEqual(['escalated', 'opened']);
  });

  test('forgetting a conversation removes its markers of both shapes', async () => {
    await redis.hset(seenKey(DAY), 'c_8|opened', '1');
    await a.record(escalated('c_8', 'care', 'en'));
    const at = Date.parse(`${DAY}T12:00:00Z`);
    await a.forget('c_8', at, at);
    expect(await a.markers(DAY, 'c_8')).toEqual([]);
  });

  test('a conversation opened before the aggregates existed is never moved out of team bot', async () => {
    await a.record(escalated('c_old', 'care', 'en'));
    expect(await counters()).toEqual({ 'all|escalated': 1, 'team:bot|escalated': 1 });
  });

  test('a day is one hash tag: its counters and markers go to one Redis Cluster slot', () => {
    expect(dayKey(DAY)).toBe('dash:{2026-11-02}');
    expect(seenKey(DAY)).toBe('dash:{2026-11-02}:seen');
  });

  test('the day keys expire after the retention', async () => {
    await a.record(opened('c_1'));
    const ttl = await redis.ttl(dayKey(DAY));
    expect(ttl).toBeGreaterThan(399 * 86_400);
    expect(ttl).toBeLessThanOrEqual(400 * 86_400);
  });

  test('a day with nothing recorded reads as empty', async () => {
    expect((await a.readDays(['2020-01-01'])).get('2020-01-01')!.size).toBe(0);
  });

  test('a counter that is not a number is refused with the key to delete', async () => {
    await redis.hset(dayKey(DAY), 'all|conversations', 'lots');
    await expect(a.readDays([DAY])).rejects.toThrow(/dash:\{2026-11-02\}.*delete the key/);
  });
});
