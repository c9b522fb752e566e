import type { TestBaton } from '../../support/testBaton';
import { customerSays, detail, sent, startBaton, uniqueCustomer, type AgentClient } from './handoffHarness';

/**
 * Language per message and conversational acts, end to end on the sandbox with the demo catalog:
 * the notice and the packet follow the language of the message that escalates, an "ok" after a
 * miss never hands off, and the topics menu comes before the handoff unless a person was asked for.
 */

let baton: TestBaton;
let admin: AgentClient;

beforeAll(async () => {
  ({ baton, admin } = await startBaton());
});
afterAll(async () => {
  await baton?.close();
});

describe('the language of the message that escalates', () => {
  test('an Urdu request for a person after an English conversation gets the Urdu notice and packet language ur', async () => {
    const from = uniqueCustomer('switch-ur');
    const first = await customerSays(baton.url, from, 'what time do you open on sunday?');
    expect(first.language).toBe('en');
    const answer = await customerSays(baton.url, from, 'مجھے کسی انسان سے بات کرنی ہے، آپ میری مدد نہیں کر رہے');
    const d = await detail(admin, answer.conversationId!);
    expect(d.conversation.status).toBe('queued');
    expect(d.conversation.language).toBe('ur');
    expect(d.packet?.language).toBe('ur');
    const notices = sent(d.messages, 'system').map((m) => m.text ?? '');
    expect(notices.join('\n')).toMatch(/ہماری ٹیم کا ایک نمائندہ/);
    expect(notices.join('\n')).not.toMatch(/A person from our team/);
  });

  test('a Hindi message while queued moves the packet language to hi', async () => {
    const from = uniqueCustomer('queued-hi');
    const answer = await customerSays(baton.url, from, 'I want to talk to a human agent please');
    expect((await detail(admin, answer.conversationId!)).packet?.language).toBe('en');
    await customerSays(baton.url, from, 'कृपया जल्दी कीजिए, मेरा ऑर्डर अभी तक नहीं आया है');
    const d = await detail(admin, answer.conversationId!);
    expect(d.conversation.language).toBe('hi');
    expect(d.packet?.language).toBe('hi');
  });
});

describe('acknowledgements and misunderstandings', () => {
  test('"ok" after one real misunderstanding stays with the bot and is answered briefly', async () => {
    const from = uniqueCustomer('ok-after-miss');
    await customerSays(baton.url, from, 'what is the weather like on mars today');
    const ok = await customerSays(baton.url, from, 'ok');
    expect(ok.status).toBe('bot');
    expect(ok.replies.map((r) => r.text)).toEqual(['👍 Anything else I can help you with?']);
  });

  test.each([['👍'], ['ठीक है'], ['achha'], ['ٹھیک ہے'], ['हुन्छ']])('"%s" after a misunderstanding stays with the bot', async (text) => {
    const from = uniqueCustomer('ack');
    await customerSays(baton.url, from, 'what is the weather like on mars today');
    const ack = await customerSays(baton.url, from, text);
    expect(ack.status).toBe('bot');
    expect(ack.replies).toHaveLength(1);
  });

  test('the second misunderstanding offers the topics as a numbered list, and "2" picks delivery time', async () => {
    const from = uniqueCustomer('menu');
    await customerSays(baton.url, from, 'what is the weather like on mars today');
    const menu = await customerSays(baton.url, from, 'flim flam wobble sprocket');
    expect(menu.status).toBe('bot');
    expect(menu.replies[0]?.text).toMatch(/Is it about one of these/);
    const pick = await customerSays(baton.url, from, '2');
    expect(pick.status).toBe('bot');
    expect(pick.replies[0]?.text).toMatch(/Delivery takes/);
  });

  test('asking for a person after a misunderstanding hands off at once, without the menu', async () => {
    const from = uniqueCustomer('person');
    await customerSays(baton.url, from, 'what is the weather like on mars today');
    const answer = await customerSays(baton.url, from, 'can I talk to a real person please');
    const d = await detail(admin, answer.conversationId!);
    expect(d.conversation.status).toBe('queued');
    expect(d.conversation.escalationReason).toBe('customer_requested');
    expect(sent(d.messages, 'bot').map((m) => m.text ?? '').join('\n')).not.toMatch(/Is it about one of these/);
  });
});
