import type { LiveEventEnvelope } from '../../../src/inbox/contracts';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import type { TestBaton } from '../../support/testBaton';
import { openEventStream } from '../inbox/apiHarness';
import { customerSays, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/**
 * Live events through the real runtime on two instances: an agent's event stream on instance A
 * hears about an escalation handled by instance B, and a reconnect with Last-Event-ID replays
 * what the agent missed.
 */

jest.setTimeout(30_000);

describeWithRedis('live events across two instances', () => {
  const prefix = uniquePrefix('sse');
  let a: TestBaton;
  let b: TestBaton;
  let adminOnA: AgentClient;
  const streams: { close(): void }[] = [];

  beforeAll(async () => {
    ({ baton: a, admin: adminOnA } = await startBaton({ redisUrl: testRedisUrl, prefix }));
    ({ baton: b } = await startBaton({ redisUrl: testRedisUrl, prefix }));
  });
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await deletePrefix(testRedisUrl, prefix);
  });

  async function streamOnA(headers: Record<string, string> = {}) {
    const s = await openEventStream(`${a.url}/api/v1/events`, { authorization: `Bearer ${adminOnA.token}`, ...headers });
    streams.push(s);
    expect(s.status).toBe(200);
    await s.waitFor((e) => e.comment === 'connected');
    return s;
  }
  const envelope = (data?: string) => JSON.parse(data ?? 'null') as LiveEventEnvelope;

  test('an agent on instance A receives conversation.escalated for a customer handled by instance B', async () => {
    const s = await streamOnA();
    const answer = await customerSays(b.url, uniqueCustomer('fan'), 'I want to talk to a human agent please');
    expect(answer.status).toBe('queued');
    const got = await s.waitFor((e) => e.event === 'conversation.escalated' && envelope(e.data).event.type === 'conversation.escalated' && (envelope(e.data).event as { conversationId: string }).conversationId === answer.conversationId, 5000);
    expect(envelope(got.data).event).toEqual({
      type: 'conversation.escalated',
      conversationId: answer.conversationId,
      team: 'care',
      priority: 'normal',
      reason: 'customer_requested',
      // The list row as it now stands, so consoles update their lists without fetching them.
      row: expect.objectContaining({ id: answer.conversationId, status: 'queued', team: 'care', priority: 'normal' }),
    });
  });

  test('reconnecting with Last-Event-ID replays the escalation that happened while the agent was away', async () => {
    const first = await streamOnA();
    const warmup = await customerSays(b.url, uniqueCustomer('warm'), 'I want to talk to a human agent please');
    const seen = await first.waitFor((e) => e.event === 'conversation.escalated' && (envelope(e.data).event as { conversationId: string }).conversationId === warmup.conversationId, 5000);
    first.close();

    const missed = await customerSays(b.url, uniqueCustomer('missed'), 'I want to talk to a human agent please');
    expect(missed.status).toBe('queued');

    const again = await streamOnA({ 'last-event-id': seen.id! });
    const replayed = await again.waitFor((e) => e.event === 'conversation.escalated' && (envelope(e.data).event as { conversationId: string }).conversationId === missed.conversationId, 5000);
    expect(envelope(replayed.data).event).toMatchObject({ reason: 'customer_requested', team: 'care' });
    // Nothing from before the Last-Event-ID is sent again.
    expect(again.events.some((e) => e.id === seen.id)).toBe(false);
  });
});
