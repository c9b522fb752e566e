import { MAX_ANSWERS, readQuestions } from '../../../../src/bot/dialogue/readQuestions';
import type { Classification } from '../../../../src/nlu/types';

/** A classifier by table, so the reading rules are tested on their own. */
function table(scores: Record<string, [string, number]>): (text: string) => Classification {
  return (text) => {
    const [top, confidence] = scores[text.replace(/[?.!,]+$/u, '')] ?? ['unknown', 0.05];
    return { intent: confidence >= 0.3 ? top : null, top, confidence, runnerUp: null, outOfScope: confidence < 0.3 };
  };
}
const T = { answer: 0.55, clarify: 0.3 };

describe('readQuestions', () => {
  test('a one-clause message is classified once, whole', () => {
    const calls: string[] = [];
    const classify = (t: string) => {
      calls.push(t);
      return table({ 'where is my order': ['order_status', 0.9] })(t);
    };
    expect(readQuestions('where is my order', classify, T)).toMatchObject({ kind: 'single', classification: { top: 'order_status' } });
    expect(calls).toEqual(['where is my order']);
  });

  test('two clauses of different understood intents are read as two questions, in order', () => {
    const classify = table({ 'when do you open': ['store_hours', 0.9], 'can I pay by UPI': ['payment_methods', 0.8] });
    const r = readQuestions('when do you open and can I pay by UPI?', classify, T);
    expect(r.kind).toBe('several');
    if (r.kind === 'several') expect(r.answers.map((a) => a.classification.top)).toEqual(['store_hours', 'payment_methods']);
  });

  test('a clause that leaves out what it asks about is read with a word of the understood clause before, when that confirms its own reading', () => {
    const classify = table({
      'is the store open on sunday': ['store_hours', 0.9],
      'where in delhi': ['store_locator', 0.45],
      'store where in delhi': ['store_locator', 0.95],
    });
    const r = readQuestions('is the store open on sunday and where in delhi?', classify, T);
    expect(r.kind).toBe('several');
    if (r.kind === 'several') expect(r.answers.map((a) => a.classification.top)).toEqual(['store_hours', 'store_locator']);
  });

  test('a middling clause that names nothing of its own is read with a word of the clause before when that makes it a sure question of a third intent', () => {
    const classify = table({
      'is your showroom open on sunday': ['store_hours', 0.95],
      'whats the exact address': ['change_delivery_address', 0.7],
      'showroom whats the exact address': ['store_locator', 0.95],
    });
    const r = readQuestions('is your showroom open on sunday, and whats the exact address?', classify, T, { sure: 0.75 });
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['store_hours', 'store_locator']);
  });

  test('the other side of an either-or question is no question of its own', () => {
    const classify = table({
      'is that still covered': ['warranty', 0.9],
      'do i have to pay for it': ['payment_methods', 0.8],
    });
    expect(readQuestions('is that still covered or do i have to pay for it', classify, T)).toMatchObject({ kind: 'single', classification: { top: 'warranty' } });
  });

  test('a clause that asks to "come and" do something is read as asking them to come to do it', () => {
    const classify = table({
      'the ac is still in its box': ['order_status', 0.2],
      'will your team come to fit it': ['product_setup', 0.8],
    });
    const r = readQuestions('the ac is still in its box. will your team come and fit it', classify, T);
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'product_setup' } });
  });

  test('a middling clause keeps its own reading when no word of the clause before makes it a sure question', () => {
    const classify = table({
      'is your showroom open on sunday': ['store_hours', 0.95],
      'whats the exact address': ['change_delivery_address', 0.7],
      'showroom whats the exact address': ['store_locator', 0.7],
    });
    const r = readQuestions('is your showroom open on sunday, and whats the exact address?', classify, T, { sure: 0.75 });
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['store_hours', 'change_delivery_address']);
  });

  test('a word of the clause before that turns a weak reading into another intent is not taken', () => {
    const classify = table({
      'is the store open on sunday': ['store_hours', 0.9],
      'where in delhi': ['store_locator', 0.45],
      'store where in delhi': ['order_status', 0.95],
      'sunday where in delhi': ['order_status', 0.95],
    });
    const r = readQuestions('is the store open on sunday and where in delhi?', classify, T);
    expect(r).toMatchObject({ kind: 'several', unclear: { classification: { top: 'store_locator' } } });
  });

  test('a clause that asks where of nothing named is about the thing the clause before names, when that makes a sure question it leans to alone', () => {
    const classify = table({
      'dukaan kab khulti hai': ['store_hours', 0.9],
      'kahan hai': ['store_locator', 0.6],
      'dukaan kahan hai': ['store_locator', 0.98],
      'khulti kahan hai': ['store_hours', 0.8],
    });
    const r = readQuestions('dukaan kab khulti hai aur kahan hai?', classify, T, { sure: 0.75, asksNothing: (t) => t.startsWith('kahan') });
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['store_hours', 'store_locator']);
  });

  test('a clause that asks where of nothing named is left out when no word of the clause before makes it the question it leans to', () => {
    const classify = table({
      'dukaan kab khulti hai': ['store_hours', 0.9],
      'kahan hai': ['store_locator', 0.6],
      'dukaan kahan hai': ['order_status', 0.98],
      'khulti kahan hai': ['store_hours', 0.8],
    });
    const r = readQuestions('dukaan kab khulti hai aur kahan hai?', classify, T, { sure: 0.75, asksNothing: (t) => t.startsWith('kahan') });
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'store_hours' } });
  });

  test('a question wrapped in a story is read from its own clause when that reads as the same question more surely than the whole', () => {
    const classify = table({
      'i got the ac from you last april, its blowing warm air. is that still covered': ['warranty', 0.6],
      'i got the ac from you last april': ['product_availability', 0.1],
      'its blowing warm air': ['repair_service', 0.2],
      'is that still covered': ['warranty', 0.95],
    });
    const r = readQuestions('i got the ac from you last april, its blowing warm air. is that still covered?', classify, T);
    expect(r).toEqual({ kind: 'single', classification: expect.objectContaining({ top: 'warranty', confidence: 0.95 }), text: 'is that still covered' });
  });

  test('a clause that asks nothing is context for the question beside it when the whole message reads as that question', () => {
    const classify = table({
      'the colour of the watch is dull': ['product_availability', 0.8],
      'can i exchange it': ['return_policy', 0.9],
      'the colour of the watch is dull, can i exchange it': ['return_policy', 0.9],
    });
    expect(readQuestions('the colour of the watch is dull, can i exchange it?', classify, T)).toMatchObject({ kind: 'single', classification: { top: 'return_policy' } });
  });

  test('a clause that asks nothing is not context for a question opened by "also" after it', () => {
    const classify = table({
      'cant log in to my account': ['account_login', 0.95],
      'my card payment failed but money is gone': ['payment_failed', 0.95],
      'cant log in to my account. also my card payment failed but money is gone': ['payment_failed', 0.9],
    });
    const r = readQuestions('cant log in to my account. also my card payment failed but money is gone?', classify, T);
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['account_login', 'payment_failed']);
  });

  test('a clause that asks nothing is not context for a question that goes on from a clause opened by "also"', () => {
    const classify = table({
      'cant log in to my account': ['account_login', 0.95],
      'tried paying by card': ['payment_failed', 0.9],
      'it failed but money is gone': ['payment_failed', 0.95],
      'cant log in to my account. also tried paying by card and it failed but money is gone': ['payment_failed', 0.9],
    });
    const r = readQuestions('cant log in to my account. also tried paying by card and it failed but money is gone?', classify, T);
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['account_login', 'payment_failed']);
  });

  test('a clause that asks nothing is still answered when the whole message reads as its own question', () => {
    const classify = table({
      'my refund has not come': ['refund_status', 0.9],
      'can i pay by upi': ['payment_methods', 0.9],
      'my refund has not come, can i pay by upi': ['refund_status', 0.7],
    });
    const r = readQuestions('my refund has not come, can i pay by upi?', classify, T);
    expect(r.kind).toBe('several');
    if (r.kind === 'several') expect(r.answers.map((a) => a.classification.top)).toEqual(['refund_status', 'payment_methods']);
  });

  test('a clause that asks nothing, read as a topic neither the whole message nor its question is, is context when the whole message is understood', () => {
    const classify = table({
      'bought a watch from you last year': ['complaint', 0.1],
      'now its cell has run out': ['discount_offers', 0.8],
      'how much for a new one': ['product_setup', 0.58],
      'bought a watch from you last year, now its cell has run out. how much for a new one': ['battery_replacement', 0.63],
    });
    const r = readQuestions('bought a watch from you last year, now its cell has run out. how much for a new one?', classify, T);
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'battery_replacement' } });
  });

  test('an understood message whose only understood clause was context, and whose question is not understood alone, is read whole', () => {
    const classify = table({
      'bought a watch from you last year': ['complaint', 0.1],
      'now its cell has run out': ['discount_offers', 0.8],
      'how much for a new one': ['product_setup', 0.4],
      'bought a watch from you last year, now its cell has run out. how much for a new one': ['battery_replacement', 0.63],
    });
    const r = readQuestions('bought a watch from you last year, now its cell has run out. how much for a new one?', classify, T);
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'battery_replacement' } });
  });

  test('the same intent asked twice is answered once', () => {
    const classify = table({ 'when do you open': ['store_hours', 0.9], 'what are your hours': ['store_hours', 0.9], 'when do you open and what are your hours': ['store_hours', 0.95] });
    expect(readQuestions('when do you open and what are your hours', classify, T)).toMatchObject({ kind: 'single', classification: { top: 'store_hours' } });
  });

  test('a clause that asks nothing is left out of the reading of the message', () => {
    const classify = table({ 'the box came crushed': ['return_policy', 0.8], 'what do i do': ['payment_methods', 0.9], 'the box came crushed, what do i do': ['repair', 0.6] });
    const r = readQuestions('the box came crushed, what do i do?', classify, T, { asksNothing: (t) => t.startsWith('what do i do') });
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'return_policy' }, text: 'the box came crushed' });
  });

  test('a question that names no product is read with the product another clause names when it is not understood alone', () => {
    const classify = table({ 'kal ac aayega': ['delivery_time', 0.8], 'fitting kaun karega': ['unknown', 0.1], 'ac fitting kaun karega': ['product_setup', 0.8] });
    const r = readQuestions('kal ac aayega, fitting kaun karega?', classify, T, { productIn: (t) => (t.includes('ac') ? 'ac' : undefined) });
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['delivery_time', 'product_setup']);
  });

  test('a clause not understood alone goes on with the last question understood before it when the engine says it continues', () => {
    const classify = table({ 'where is my refund': ['refund_status', 0.9], 'its been 10 days': ['order_status', 0.2], 'what is the status': ['order_status', 0.4] });
    const seen: [string, string, string, boolean][] = [];
    const continues = (t: string, from: string, to: string, understood: boolean) => {
      seen.push([t, from, to, understood]);
      return t === 'what is the status';
    };
    const r = readQuestions('where is my refund, its been 10 days, what is the status?', classify, T, { continues });
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'refund_status' } });
    expect(seen).toContainEqual(['what is the status', 'refund_status', 'order_status', false]);
  });

  test('a clause not understood alone that does not continue is asked about', () => {
    const classify = table({ 'where is my refund': ['refund_status', 0.9], 'whats your name': ['greeting', 0.2] });
    const r = readQuestions('where is my refund, and whats your name?', classify, T, { continues: () => false });
    expect(r).toMatchObject({ kind: 'several', unclear: { text: 'whats your name' } });
  });

  test('a clause that only names a value is part of the whole reading but never a question of its own', () => {
    const classify = table({
      'i ordered a tv, order number , when will it come': ['order_status', 0.95],
      'i ordered a tv': ['order_status', 0.3],
      'order number': ['change_delivery_address', 0.74],
      'when will it come': ['delivery_time', 0.5],
    });
    const r = readQuestions('i ordered a tv, order number , when will it come?', classify, T, { namesValue: (t) => t === 'order number' });
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'order_status' } });
  });

  test(`at most ${MAX_ANSWERS} questions are kept`, () => {
    const classify = table({ 'a a': ['a', 0.9], 'b b': ['b', 0.9], 'c c': ['c', 0.9], 'd d': ['d', 0.9] });
    const r = readQuestions('a a? b b? c c? d d?', classify, T);
    expect(r.kind === 'several' && r.answers.length).toBe(MAX_ANSWERS);
  });

  test('a clause that asks something not understood is reported as unclear', () => {
    const classify = table({ 'when do you open': ['store_hours', 0.9], 'how do i fix my tv': ['repair', 0.2] });
    const r = readQuestions('when do you open and how do i fix my tv?', classify, T);
    expect(r).toMatchObject({ kind: 'several', unclear: { text: 'how do i fix my tv' } });
  });

  test('the best clause wins when the whole message is below the answer threshold', () => {
    const classify = table({ 'my order has not come, it was due yesterday': ['order_status', 0.4], 'my order has not come': ['order_status', 0.95] });
    const r = readQuestions('my order has not come, it was due yesterday', classify, T);
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'order_status', confidence: 0.95 } });
  });

  test('greetings in a clause are set aside before it is classified', () => {
    const classify = table({ 'when do you open': ['store_hours', 0.9], 'where is your store': ['store_location', 0.9] });
    const r = readQuestions('hi. when do you open? thanks, where is your store', classify, T);
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['store_hours', 'store_location']);
  });

  test('a clause is read without its polite wrapper when that reads more surely', () => {
    const classify = table({ 'would it be possible to send them back': ['return_policy', 0.2], 'can i send them back': ['return_policy', 0.9] });
    expect(readQuestions('would it be possible to send them back?', classify, T)).toMatchObject({ kind: 'single', classification: { top: 'return_policy', confidence: 0.9 } });
  });

  test('a clause that points back is read with the word of the clause before it points at', () => {
    const classify = table({
      'how long does delivery take': ['delivery_time', 0.95],
      'how much does it cost': ['shipping_cost', 0.25],
      'how much does delivery cost': ['shipping_cost', 0.9],
    });
    const r = readQuestions('how long does delivery take and how much does it cost?', classify, T);
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['delivery_time', 'shipping_cost']);
  });

  test('a reading through the clause before that is still below the answer threshold is not used', () => {
    const classify = table({ 'how long does delivery take': ['delivery_time', 0.95], 'how much does it cost': ['shipping_cost', 0.25], 'how much does delivery cost': ['shipping_cost', 0.5] });
    const r = readQuestions('how long does delivery take and how much does it cost?', classify, T);
    expect(r).toMatchObject({ kind: 'several', unclear: { text: 'how much does it cost', classification: { confidence: 0.25 } } });
  });

  test("a message that points at nothing it says is read with the conversation's referents", () => {
    const classify = table({ 'when will it be delivered': ['delivery_time', 0.4], 'when will order be delivered': ['order_status', 0.85] });
    expect(readQuestions('when will it be delivered', classify, T, { referents: ['order'] })).toMatchObject({
      kind: 'single',
      classification: { top: 'order_status' },
    });
  });

  test('an understood message is not read again through the referents', () => {
    const calls: string[] = [];
    const classify = (t: string) => {
      calls.push(t);
      return table({ 'is it in stock': ['product_availability', 0.9] })(t);
    };
    readQuestions('is it in stock', classify, T, { referents: ['order'] });
    expect(calls).toEqual(['is it in stock']);
  });

  test('a single reading names the clause it was read from', () => {
    const classify = table({ 'my order has not come, it was due yesterday': ['order_status', 0.4], 'my order has not come': ['order_status', 0.95] });
    expect(readQuestions('my order has not come, it was due yesterday', classify, T)).toMatchObject({ kind: 'single', text: 'my order has not come' });
  });

  test('a clause that points back and is understood, but not surely, keeps the more confident reading with what it points at', () => {
    const classify = table({
      'delivery me kitne din lagte hain': ['delivery_time', 0.95],
      'iske kitne paise lagenge': ['refund_status', 0.56],
      'delivery ke kitne paise lagenge': ['shipping_cost', 0.99],
    });
    const r = readQuestions('delivery me kitne din lagte hain aur iske kitne paise lagenge?', classify, T, { sure: 0.75 });
    expect(r.kind === 'several' && r.answers.map((a) => a.classification.top)).toEqual(['delivery_time', 'shipping_cost']);
  });

  test('a clause that is only a polite wrapper ("…, please revert asap") is left out: the message is its one question', () => {
    const classify = table({ 'still not received my order': ['order_status', 0.9] });
    const r = readQuestions('still not received my order, please revert asap', classify, T);
    expect(r).toMatchObject({ kind: 'single', classification: { top: 'order_status' }, text: 'still not received my order' });
  });
});
