import { createHmac } from 'node:crypto';
import { callCrm, crmIdentifiers, type CrmRequest } from '../../../../src/handoff/crm';

const SECRET = 'crm-unit-secret-0123456789';
const request: CrmRequest = {
  event: 'handoff',
  customer: { customerId: 'cu_1', phones: ['+919800000001'], emails: [], psids: [], linked: [{ channel: 'whatsapp', address: 'whatsapp:+919800000001' }] },
  conversationId: 'c_1',
  channel: 'whatsapp',
};

function answering(status: number, body: string, seen?: (init: RequestInit) => void): typeof fetch {
  return (async (_url: unknown, init?: RequestInit) => {
    seen?.(init!);
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

test('the request is signed like a fulfillment call: HMAC-SHA256 of "<timestamp>.<body>" with the secret', async () => {
  let init: RequestInit | undefined;
  const outcome = await callCrm(request, { url: 'http://crm/enrich', secret: SECRET, timeoutMs: 1000, now: () => 1_700_000_000_000, fetch: answering(200, '{"customer":null}', (i) => (init = i)) });
  expect(outcome).toEqual({ kind: 'ok', record: null });
  const headers = init!.headers as Record<string, string>;
  expect(headers['X-Baton-Timestamp']).toBe('1700000000000');
  const expected = createHmac('sha256', SECRET).update(`1700000000000.${init!.body as string}`).digest('hex');
  expect(headers['X-Baton-Signature']).toBe(`sha256=${expected}`);
  expect(JSON.parse(init!.body as string)).toEqual(request);
});

test('a valid record comes back with its fields; unknown fields are dropped', async () => {
  const body = JSON.stringify({ customer: { name: 'Asha', tier: 'Gold', vip: true, lifetimeValue: { amount: 10, currency: 'INR' }, internalScore: 7 } });
  expect(await callCrm(request, { url: 'http://crm', secret: SECRET, timeoutMs: 1000, fetch: answering(200, body) })).toEqual({
    kind: 'ok',
    record: { name: 'Asha', tier: 'Gold', vip: true, lifetimeValue: { amount: 10, currency: 'INR' } },
  });
});

test('garbage is a bad response naming the field, never a record', async () => {
  const outcome = await callCrm(request, { url: 'http://crm', secret: SECRET, timeoutMs: 1000, fetch: answering(200, '{"customer":{"vip":"yes"}}') });
  expect(outcome).toMatchObject({ kind: 'bad_response', issues: [expect.stringMatching(/^customer\.vip/)] });
  expect(await callCrm(request, { url: 'http://crm', secret: SECRET, timeoutMs: 1000, fetch: answering(200, 'not json') })).toEqual({ kind: 'bad_response', issues: ['the answer is not JSON'] });
  expect(await callCrm(request, { url: 'http://crm', secret: SECRET, timeoutMs: 1000, fetch: answering(503, '') })).toEqual({ kind: 'http_error', status: 503 });
});

test('a CRM that does not answer within the timeout is a timeout', async () => {
  const never = ((_u: unknown, init?: RequestInit) =>
    new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
  expect(await callCrm(request, { url: 'http://crm', secret: SECRET, timeoutMs: 50, fetch: never })).toEqual({ kind: 'timeout', timeoutMs: 50 });
});

test('only verified identifiers are sent: phones from WhatsApp, PSIDs from Messenger, every verified address as linked', () => {
  expect(
    crmIdentifiers({
      id: 'cu_9',
      addresses: [
        { channel: 'whatsapp', address: 'whatsapp:+919800000001', verified: true },
        { channel: 'messenger', address: '6712345678901234', verified: true },
        { channel: 'whatsapp', address: 'whatsapp:+923001234567', verified: false },
      ],
    }),
  ).toEqual({
    customerId: 'cu_9',
    phones: ['+919800000001'],
    emails: [],
    psids: ['6712345678901234'],
    linked: [
      { channel: 'whatsapp', address: 'whatsapp:+919800000001' },
      { channel: 'messenger', address: '6712345678901234' },
    ],
  });
});
