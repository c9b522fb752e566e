import type { LiveEventEnvelope } from '../../../src/inbox/contracts';
import { describeWithRedis } from '../../support/redis';
import { memoryHarness, realHarness, type MakeHarness, type RedisHarness } from '../../unit/inbox/stores/harness';
import { call, eventually, login, openEventStream, seedAgents, startApi, type ApiInstance } from './apiHarness';

const presence = (agentId: string, p: 'online' | 'away' = 'online') => ({ type: 'agent.presence' as const, agentId, presence: p });

function liveEventsSuite(make: MakeHarness): void {
  let h: RedisHarness;
  let a: ApiInstance;
  let b: ApiInstance;
  let token: string;
  const streams: { close(): void }[] = [];

  beforeEach(async () => {
    h = await make();
    // Two instances, each with its own connection and bus, sharing one Redis.
    a = await startApi(h, { heartbeatMs: 100 });
    b = await startApi(h.sibling(), { heartbeatMs: 100 });
    await seedAgents(a.services);
    token = await login(a.base, 'asha@example.com', 'asha-password');
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await a.close();
    await b.close();
    await h.close();
  });

  const open = async (query = '', headers: Record<string, string> = { authorization: `Bearer ${token}` }) => {
    const s = await openEventStream(`${b.base}/events${query}`, headers);
    streams.push(s);
    await s.waitFor((e) => e.comment === 'connected');
    return s;
  };
  const envelope = (data?: string) => JSON.parse(data ?? 'null') as LiveEventEnvelope;

  test('streams text/event-stream with id, event type and the JSON envelope', async () => {
    const s = await open();
    expect(s.status).toBe(200);
    expect(s.contentType).toMatch(/^text\/event-stream/);
    const sent = await a.services.bus.publishEnvelope(presence('ag_x'));
    const got = await s.waitFor((e) => e.event === 'agent.presence');
    expect(got.id).toBe(sent.id);
    expect(envelope(got.data)).toEqual({ ...sent, at: new Date(sent.at).toISOString() });
  });

  test('an event published on one instance reaches a client connected to another', async () => {
    const s = await open();
    await a.services.bus.publish({ type: 'conversation.escalated', conversationId: 'c_1', team: 'care', priority: 'high', reason: 'negative_sentiment' });
    const got = await s.waitFor((e) => e.event === 'conversation.escalated');
    expect(envelope(got.data).event).toMatchObject({ conversationId: 'c_1', team: 'care' });
  });

  test('a reconnect with Last-Event-ID first receives what it missed, in order, then live events', async () => {
    const first = await open();
    const e1 = await a.services.bus.publishEnvelope(presence('ag_1'));
    await first.waitFor((e) => e.id === e1.id);
    first.close();
    const e2 = await a.services.bus.publishEnvelope(presence('ag_2'));
    const e3 = await a.services.bus.publishEnvelope(presence('ag_3', 'away'));
    const again = await open('', { authorization: `Bearer ${token}`, 'last-event-id': e1.id });
    const e4 = await a.services.bus.publishEnvelope(presence('ag_4'));
    await again.waitFor((e) => e.id === e4.id);
    expect(again.events.filter((e) => e.id).map((e) => e.id)).toEqual([e2.id, e3.id, e4.id]);
  });

  test('accepts ?lastEventId= and ?access_token= for EventSource', async () => {
    const e1 = await a.services.bus.publishEnvelope(presence('ag_1'));
    const e2 = await a.services.bus.publishEnvelope(presence('ag_2'));
    const s = await open(`?lastEventId=${e1.id}&access_token=${token}`, {});
    await s.waitFor((e) => e.id === e2.id);
  });

  test('accepts the session cookie', async () => {
    const s = await open('', { cookie: `baton_session=${token}` });
    const sent = await a.services.bus.publishEnvelope(presence('ag_1'));
    await s.waitFor((e) => e.id === sent.id);
  });

  test("does not send an agent other teams' events", async () => {
    const s = await open();
    await a.services.bus.publish({ type: 'followup.opened', followUpId: 'f_1', conversationId: 'c_1', team: 'sales' });
    const care = await a.services.bus.publishEnvelope({ type: 'followup.opened', followUpId: 'f_2', conversationId: 'c_2', team: 'care' });
    await s.waitFor((e) => e.id === care.id);
    expect(s.events.filter((e) => e.event === 'followup.opened').map((e) => envelope(e.data).event)).toEqual([care.event]);
  });

  test('sends a heartbeat comment', async () => {
    const s = await open();
    await s.waitFor((e) => e.comment === 'heartbeat');
  });

  test('stops listening when the client goes away', async () => {
    const s = await open();
    expect(b.services.bus.listenerCount).toBe(1);
    s.close();
    await eventually(() => b.services.bus.listenerCount === 0);
  });

  test('refuses a client without a session with 401 JSON', async () => {
    const r = await call(b.base, 'GET', '/events');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('refuses a Last-Event-ID that is not a stream id', async () => {
    const r = await call(b.base, 'GET', '/events', { token, headers: { 'last-event-id': 'yesterday' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/Last-Event-ID/);
  });
}

describeWithRedis('live events over SSE, two instances on a real Redis', () => liveEventsSuite(realHarness));
describe('live events over SSE, two instances on the embedded store', () => liveEventsSuite(memoryHarness));
