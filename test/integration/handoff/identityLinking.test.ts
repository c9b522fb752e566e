import { randomBytes } from 'node:crypto';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { FakeTwilioApi } from '../../support/fakePlatforms';
import type { TestBaton } from '../../support/testBaton';
import { customerSays, detail, startBaton, uniqueCustomer, waitUntil, type AgentClient } from './handoffHarness';

/**
 * One customer across addresses: an agent starts a one-time-code check, the code goes to the other
 * address, typing it back links both. A number merely typed in a message is only a suggestion.
 */

let baton: TestBaton;
let admin: AgentClient;
let twilio: FakeTwilioApi;

beforeAll(async () => {
  twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
});
afterAll(() => twilio.stop());
beforeEach(async () => {
  ({ baton, admin } = await startBaton({ env: { TWILIO_API_URL: twilio.url } }));
});
afterEach(() => baton.close());

async function sandboxTranscript(from: string): Promise<{ author: string; direction: string; text?: string }[]> {
  const res = await fetch(`${baton.url}/sandbox/conversations/${from}`);
  if (res.status !== 200) return [];
  return ((await res.json()) as { messages: { author: string; direction: string; text?: string }[] }).messages;
}

test('a code sent to the other address and typed back from the first links both conversations to one customer', async () => {
  const first = uniqueCustomer('first');
  const other = uniqueCustomer('other');
  const firstTurn = await customerSays(baton.url, first, 'I want to talk to a human agent please');
  const otherTurn = await customerSays(baton.url, other, 'what time does the store open?');
  const before = await detail(admin, firstTurn.conversationId!);
  const customerId = before.customer!.id;
  expect(before.customer!.conversations.map((c) => c.id)).toEqual([firstTurn.conversationId]);

  const started = await admin.call('POST', `/customers/${customerId}/verify-link`, { channel: 'sandbox', address: other });
  expect(started.status).toBe(202);

  const codeMessage = await waitUntil(async () => (await sandboxTranscript(other)).find((m) => m.author === 'system' && /\d{6}/.test(m.text ?? '')));
  const code = /(\d{6})/.exec(codeMessage.text!)![1]!;
  await customerSays(baton.url, first, code);

  const after = await detail(admin, firstTurn.conversationId!);
  expect(after.customer!.conversations.map((c) => c.id).sort()).toEqual([firstTurn.conversationId!, otherTurn.conversationId!].sort());
  expect(after.customer!.addresses).toEqual(
    expect.arrayContaining([
      { channel: 'sandbox', address: first, verified: true },
      { channel: 'sandbox', address: other, verified: true },
    ]),
  );
  // The code is not treated as a message for the agent to answer: the customer was told it worked.
  const confirmation = (await sandboxTranscript(first)).filter((m) => m.author === 'system').map((m) => m.text).join('\n');
  expect(confirmation).toMatch(/linked|connected|verified/i);
});

test('a wrong code links nothing', async () => {
  const first = uniqueCustomer('first');
  const other = uniqueCustomer('other');
  const firstTurn = await customerSays(baton.url, first, 'I want to talk to a human agent please');
  await customerSays(baton.url, other, 'what time does the store open?');
  const customerId = (await detail(admin, firstTurn.conversationId!)).customer!.id;
  await admin.ok('POST', `/customers/${customerId}/verify-link`, { channel: 'sandbox', address: other });
  const codeMessage = await waitUntil(async () => (await sandboxTranscript(other)).find((m) => m.author === 'system' && /\d{6}/.test(m.text ?? '')));
  const code = /(\d{6})/.exec(codeMessage.text!)![1]!;
  const wrong = code === '000000' ? '111111' : '000000';
  await customerSays(baton.url, first, wrong);
  const after = await detail(admin, firstTurn.conversationId!);
  expect(after.customer!.conversations.map((c) => c.id)).toEqual([firstTurn.conversationId]);
  expect(after.customer!.addresses.map((a) => a.address)).toEqual([first]);
});

test('a WhatsApp number typed in a message only shows up as a suggested link, never as a linked address', async () => {
  // A WhatsApp customer exists with that number.
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: TWILIO_TEST_CONFIG.accountSid,
    From: 'whatsapp:+919876543210',
    To: TWILIO_TEST_CONFIG.whatsappNumber,
    Body: 'What time does the store open?',
    NumMedia: '0',
    ProfileName: 'Asha Verma',
    WaId: '919876543210',
  };
  const url = `${baton.url}/webhooks/twilio`;
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  const whatsapp = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('whatsapp', 'whatsapp:+919876543210');
    return c?.customerId ? c : undefined;
  });

  const from = uniqueCustomer('typer');
  await customerSays(baton.url, from, 'I want to talk to a human agent please');
  const turn = await customerSays(baton.url, from, 'my whatsapp number is +91 98765 43210');
  const d = await detail(admin, turn.conversationId!);
  expect(d.customer!.suggestedLinks).toEqual([
    expect.objectContaining({ channel: 'whatsapp', address: 'whatsapp:+919876543210', otherCustomerId: whatsapp.customerId }),
  ]);
  expect(d.customer!.addresses.map((a) => a.address)).toEqual([from]);
  expect(d.customer!.conversations.map((c) => c.id)).toEqual([turn.conversationId]);
});
