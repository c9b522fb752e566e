import { extractFacts } from '../../../../src/nlu/facts';
import { flood, valuesOf } from './helpers';

describe('amounts of money', () => {
  test.each([
    ['en', 'I was charged ₹2,499 twice', 'INR 2499'],
    ['hi', 'मैंने ५०० रुपये दिए', 'INR 500'],
    ['hi-Latn', 'maine 1.5 lakh diye the', 'INR 150000'],
    ['ur', 'میں نے 300 روپے دیے', 'INR 300'],
    ['ne', 'मैले ५ हजार रुपैयाँ तिरें', 'INR 5000'],
  ])('finds the amount in a %s message, as currency and number', (_lang, text, value) => {
    expect(valuesOf('money', text)).toEqual([[value, true]]);
  });

  test.each([
    ['Rs. with Indian grouping', 'refund Rs. 1,50,000 please', 'INR 150000'],
    ['INR with decimals', 'paid INR 499.50', 'INR 499.50'],
    ['a /- suffix', 'price 2499/-', 'INR 2499'],
    ['crore', 'order worth 2 करोड़', 'INR 20000000'],
    ['NPR', 'NPR 5000 tiryo', 'NPR 5000'],
  ])('reads %s', (_what, text, value) => {
    expect(valuesOf('money', text)).toEqual([[value, true]]);
  });

  test.each([
    ['en', 'I paid 12,499 for the laptop', 'INR 12499'],
    ['en', 'got charged 2999 two times', 'INR 2999'],
    ['hi-Latn', '12,499 diye the maine', 'INR 12499'],
    ['hi', 'खाते से 5000 कट गए', 'INR 5000'],
    ['ur', 'اکاؤنٹ سے 5000 کٹ گئے', 'INR 5000'],
    ['ne', 'मैले 5000 तिरें', 'INR 5000'],
    ['hi-Latn', 'paisa kat gaya 3,499 aur order nahi hua', 'INR 3499'],
    ['ur', 'اکاؤنٹ سے کٹ گئے 1,299', 'INR 1299'],
  ])('finds an amount with no currency beside a word of paying in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('money', text)).toEqual([[value, true]]);
  });

  test.each([
    ['ne-Latn', 'maile 6500 tireko thiye', 'INR 6500'],
    ['hi-Latn', 'maine 3200 pay kiye the', 'INR 3200'],
    ['en', '4500 paid already', 'INR 4500'],
    ['hi', 'मैंने 2400 चुकाए थे', 'INR 2400'],
    ['ur', 'میں نے 7000 ادا کیے', 'INR 7000'],
  ])('finds an amount followed by a word of paying in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('money', text)).toEqual([[value, true]]);
  });

  test('does not take a small count after a word of paying for money', () => {
    expect(valuesOf('money', 'paid 3 times and it still failed')).toEqual([]);
  });

  test('does not take a bare number for money', () => {
    expect(valuesOf('money', 'I have 3 TVs and 2 fridges')).toEqual([]);
  });

  test.each([
    ['hi-Latn', '15k ki machine li thi', 'INR 15000'],
    ['en', 'my budget is around 60k', 'INR 60000'],
    ['en', 'it was 1.5k only', 'INR 1500'],
    ['hi-Latn', '15 hazaar diye the', 'INR 15000'],
    ['hi', 'पूरे १५ हजार लगे', 'INR 15000'],
    ['ur', '15 ہزار کا تھا', 'INR 15000'],
  ])('takes a count of thousands with no currency for money in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('money', text)).toEqual([[value, true]]);
  });

  test.each([['the 55 inch 4k tv'], ['is the 8K panel worth it'], ['i walk 10k steps a day']])('does not take a screen resolution or a count of steps for money: "%s"', (text) => {
    expect(valuesOf('money', text)).toEqual([]);
  });

  test.each([
    ['hi-Latn', '2,499 wapas karo', 'INR 2499'],
    ['en', 'refund 2499 asap', 'INR 2499'],
    ['ne', 'मेरो 3000 फिर्ता आएन', 'INR 3000'],
    ['ur', '1500 واپس کریں', 'INR 1500'],
  ])('takes an amount asked back with no currency for money in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('money', text)).toEqual([[value, true]]);
  });

  test('reads a six-digit number beside "wapas" or "refund" as an order number, not money', () => {
    expect(valuesOf('money', 'order 482913 wapas karo')).toEqual([]);
    expect(valuesOf('order_number', 'refund 482913 ka kya hua')).toEqual([['SG-482913', true]]);
  });

  test.each([
    ['hi-Latn', 'order SG-835017 hai, 1,299 ka tha', 'INR 1299'],
    ['hi', 'फ्रिज 32,490 में लिया था', 'INR 32490'],
    ['ur', 'ٹی وی 4999 کا تھا', 'INR 4999'],
    ['ne', 'हेडफोन 2500 को थियो', 'INR 2500'],
    ['ne', 'mixer 8999 ma kineko', 'INR 8999'],
  ])('takes an amount told as what something cost for money in a %s message: "%s"', (_lang, text, value) => {
    expect(valuesOf('money', text)).toEqual([[value, true]]);
  });

  test('does not take an order number told as what it was for money', () => {
    expect(valuesOf('money', 'mera order 482913 ka tha')).toEqual([]);
    expect(valuesOf('money', 'order SG-482913 ka tha')).toEqual([]);
  });

  test('takes a grouped amount with no currency anywhere in a message about paying', () => {
    expect(valuesOf('money', 'payment failed twice but the money got debited, 45,990 for the airbook 14')).toEqual([['INR 45990', true]]);
    expect(valuesOf('money', 'पेमेंट अटक गया, 1,25,000 का लैपटॉप था')).toEqual([['INR 125000', true]]);
  });

  test('leaves a grouped number alone in a message that says nothing of paying', () => {
    expect(valuesOf('money', 'the 1,000 steps counter on my watch is stuck')).toEqual([]);
  });

  test('reads the rupee sign written after the amount', () => {
    expect(valuesOf('money', '2499₹ ka tha')).toEqual([['INR 2499', true]]);
    expect(valuesOf('money', 'it was 2,499 ₹')).toEqual([['INR 2499', true]]);
  });

  test('reads "NRs" as Nepali rupees', () => {
    expect(valuesOf('money', 'NRs 5000 tireko')).toEqual([['NPR 5000', true]]);
    expect(valuesOf('money', 'Nrs.12,500 tireko')).toEqual([['NPR 12500', true]]);
  });

  test('keeps a bounded number of amounts from a flood of them', () => {
    expect(extractFacts(flood('₹2,499 Rs 10 ')).filter((f) => f.kind === 'money').length).toBeLessThanOrEqual(8);
  });
});
