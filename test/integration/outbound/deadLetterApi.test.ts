import { randomBytes } from 'node:crypto';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { FakeTwilioApi } from '../../support/fakePlatforms';
import type { TestBaton } from '../../support/testBaton';
import { createAgent, startBaton, waitUntil, type AgentClient } from '../handoff/handoffHarness';

/**
 * The dead-letter API (admins only): a send the platform refused is listed, can be sent again
 * once the cause is fixed, or discarded; the metric counts dead letters.
 */

jest.setTimeout(60_000);

let twilio: FakeTwilioApi;
let baton: TestBaton;
let admin: AgentClient;

beforeAll(async () => {
  twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
});
afterAll(() => twilio.stop());
beforeEach(async () => {
  ({ baton, admin } = await startBaton({ env: { TWILIO_API_URL: twilio.url, METRICS_TOKEN: 'dead-letter-metrics-token-0001' } }));
});
afterEach(() => baton.close());

/** A WhatsApp customer asks for a person; the admin claims the conversation. */
async function claimedConversation(): Promise<{ id: string; address: string }> {
  const address = `whatsapp:+9196${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: TWILIO_TEST_CONFIG.accountSid,
    From: address,
    To: TWILIO_TEST_CONFIG.whatsappNumber,
    Body: 'I want to talk to a human agent please',
    NumMedia: '0',
    ProfileName: 'Dead Letter',
    WaId: address.replace('whatsapp:+', ''),
  };
  const url = `${baton.url}/webhooks/twilio`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  const conv = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('whatsapp', address);
    return c?.status === 'queued' ? c : undefined;
  });
  await baton.settle();
  await admin.ok('POST', `/conversations/${conv.id}/claim`);
  return { id: conv.id, address };
}

/** The agent's reply is refused by Twilio (21211: not a valid number): failed, a dead letter. */
async function refusedReply(id: string): Promise<string> {
  twilio.failNext = { count: 1, status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 } };
  const r = await admin.call('POST', `/conversations/${id}/messages`, { text: 'We have refunded your order.' });
  expect(r.status).toBe(201);
  expect(r.body).toMatchObject({ status: 'failed', errorCode: '21211' });
  return r.body.id as string;
}

test('a refused send is listed with its code, conversation and attempts', async () => {
  const { id } = await claimedConversation();
  const messageId = await refusedReply(id);
  const list = await admin.ok('GET', '/dead-letters');
  expect(list.total).toBe(1);
  expect(list.items).toEqual([
    { messageId, conversationId: id, channel: 'whatsapp', author: 'agent', code: '21211', reason: expect.stringMatching(/not a valid phone number/), explanation: 'The phone number is not a valid number.', attempts: 1, unreconciled: false, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
  ]);
});

test('retry sends it again: the message is queued at Twilio with a sid and the dead letter is gone', async () => {
  const { id, address } = await claimedConversation();
  const messageId = await refusedReply(id);
  const before = twilio.accepted.filter((m) => m.to === address).length;
  const r = await admin.call('POST', `/dead-letters/${messageId}/retry`);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ id: messageId, status: 'queued', platformMessageId: expect.stringMatching(/^SM/) });
  expect(twilio.accepted.filter((m) => m.to === address)).toHaveLength(before + 1);
  expect((await admin.ok('GET', '/dead-letters')).items).toEqual([]);
  const audit = await admin.ok('GET', '/audit');
  expect(JSON.stringify(audit)).toContain('deadletter.retry');
});

test('discard forgets it and leaves the message failed on the transcript', async () => {
  const { id } = await claimedConversation();
  const messageId = await refusedReply(id);
  expect((await admin.call('DELETE', `/dead-letters/${messageId}`)).status).toBe(204);
  expect((await admin.ok('GET', '/dead-letters')).total).toBe(0);
  const detail = await admin.ok('GET', `/conversations/${id}`);
  expect(detail.messages.find((m: { id: string }) => m.id === messageId)).toMatchObject({ status: 'failed', errorCode: '21211' });
  const again = await admin.call('DELETE', `/dead-letters/${messageId}`);
  expect(again.status).toBe(404);
  expect(again.body.error.code).toBe('NOT_FOUND');
});

test('agents who are not admins are refused with 403', async () => {
  const agent = await createAgent(baton.url, admin, { email: `agent-${randomBytes(3).toString('hex')}@dl.test`, name: 'Ravi' });
  const r = await agent.call('GET', '/dead-letters');
  expect(r.status).toBe(403);
  expect(r.body.error.code).toBe('FORBIDDEN');
});

test('a bad query or id is a 400 naming the field', async () => {
  const r = await admin.call('GET', '/dead-letters?limit=0');
  expect(r.status).toBe(400);
  expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/query\.limit/) });
  const bad = await admin.call('POST', '/dead-letters/not%20an%20id/retry');
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/params\.messageId/);
});

test('the metric counts dead letters by channel and code, and the OpenAPI document lists the endpoints', async () => {
  const { id } = await claimedConversation();
  await refusedReply(id);
  const metrics = await (await fetch(`${baton.url}/metrics`, { headers: { authorization: 'Bearer dead-letter-metrics-token-0001' } })).text();
  expect(metrics).toMatch(/baton_send_dead_letters_total\{channel="whatsapp",code="21211"\} 1/);
  const doc = (await (await fetch(`${baton.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  expect(Object.keys(doc.paths['/dead-letters'] ?? {})).toEqual(['get']);
  expect(Object.keys(doc.paths['/dead-letters/{messageId}/retry'] ?? {})).toEqual(['post']);
  expect(Object.keys(doc.paths['/dead-letters/{messageId}'] ?? {})).toEqual(['delete']);
});
