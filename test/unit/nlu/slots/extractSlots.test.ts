import { extractSlots, findSlotValues } from '../../../../src/nlu/slots';
import type { SlotKind, SlotSpec } from '../../../../src/nlu/types';

const spec = (name: string, kind: SlotKind, pattern?: string): SlotSpec => ({
  name,
  kind,
  required: true,
  prompt: { en: `What is your ${name}?` },
  ...(pattern === undefined ? {} : { pattern }),
});

const ORDER = [spec('order_number', 'order_number')];
const PHONE = [spec('phone', 'phone')];
const EMAIL = [spec('email', 'email')];
const DATE = [spec('date', 'date')];
const ALL = [...ORDER, ...PHONE, ...EMAIL, ...DATE];
// 10:00 UTC on Monday 10 March 2025: 15:30 in India, still the 10th everywhere in South Asia.
const now = new Date('2025-03-10T10:00:00Z');

const order = (text: string) => extractSlots(text, ORDER).order_number;
const phone = (text: string) => extractSlots(text, PHONE).phone;
const date = (text: string, at: Date = now, timeZone?: string) =>
  extractSlots(text, DATE, { now: at, ...(timeZone ? { timeZone } : {}) }).date;

describe('extractSlots: order numbers', () => {
  it.each([
    ['SG-482913', 'SG-482913'],
    ['sg482913', 'SG-482913'],
    ['SG 482913', 'SG-482913'],
    ['sg-482913', 'SG-482913'],
    ['SG#482913', 'SG-482913'],
    ['#482913', 'SG-482913'],
    ['# 482913', 'SG-482913'],
    ['482913', 'SG-482913'],
    ['where is my order 482913?', 'SG-482913'],
    ['order no. 482913 nahi aaya', 'SG-482913'],
    ['मेरा ऑर्डर SG-482913 कहाँ है', 'SG-482913'],
  ])('reads %j as %s', (text, expected) => {
    expect(order(text)).toBe(expected);
  });

  it('reads an order number typed in Devanagari digits', () => {
    expect(order('ऑर्डर ४८२९१३')).toBe('SG-482913');
  });

  it('reads an order number typed in Extended Arabic-Indic (Urdu) digits', () => {
    expect(order('میرا آرڈر ۴۸۲۹۱۳')).toBe('SG-482913');
  });

  it('reads an order number typed in Arabic-Indic digits', () => {
    expect(order('SG-٤٨٢٩١٣')).toBe('SG-482913');
  });

  it('takes the first order number when there are two', () => {
    expect(order('SG-111111 or SG-222222')).toBe('SG-111111');
  });

  it('does not read five or seven digits as an order number', () => {
    expect(order('48291')).toBeUndefined();
    expect(order('4829135')).toBeUndefined();
  });

  it('does not read part of a ten-digit phone number as an order number', () => {
    expect(order('call me on 9876543210')).toBeUndefined();
    expect(order('+91 987654 3210')).toBeUndefined();
  });

  it('does not read a PIN code, an OTP or an amount as an order number', () => {
    expect(order('my pincode is 110001')).toBeUndefined();
    expect(order('OTP 482913')).toBeUndefined();
    expect(order('I paid Rs. 150000')).toBeUndefined();
    expect(order('₹150000 refund')).toBeUndefined();
  });

  it('does not read a number glued to other digits or letters as an order number', () => {
    expect(order('1,50,000.482913')).toBeUndefined();
    expect(order('AB482913')).toBeUndefined();
    expect(order('482913kg')).toBeUndefined();
  });

  it('still reads an order number after a word that merely ends in "rs" or "pin"', () => {
    expect(order('orders 482913')).toBe('SG-482913');
    expect(order('shipping 482913')).toBe('SG-482913');
  });

  it('uses the configured prefix', () => {
    expect(extractSlots('bt-123456', ORDER, { orderPrefix: 'BT' }).order_number).toBe('BT-123456');
  });

  it('finds the order number and the phone in the same message', () => {
    expect(extractSlots('order 482913, call 98765 43210', ALL)).toEqual({ order_number: 'SG-482913', phone: '9876543210' });
  });
});

describe('extractSlots: phones', () => {
  it.each([
    ['+91 98765 43210', '+919876543210'],
    ['+91-98765-43210', '+919876543210'],
    ['919876543210', '+919876543210'],
    ['09876543210', '9876543210'],
    ['7012345678', '+917012345678'],
    ['070123 45678', '+917012345678'],
    ['6012345678', '+916012345678'],
    ['0300 1234567', '+923001234567'],
    ['0300-1234567', '+923001234567'],
    ['3001234567', '+923001234567'],
    ['+92 300 1234567', '+923001234567'],
    ['923001234567', '+923001234567'],
    ['+977 9812345678', '+9779812345678'],
    ['9779812345678', '+9779812345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['(0300) 1234567', '+923001234567'],
  ])('reads %j as %s', (text, expected) => {
    expect(phone(text)).toBe(expected);
  });

  it('keeps the digits of a 98x/97x mobile, which could be Indian or Nepali', () => {
    expect(phone('9812345678')).toBe('9812345678');
    expect(phone('97123 45678')).toBe('9712345678');
  });

  it('reads a phone typed in Devanagari digits', () => {
    expect(phone('मेरा नंबर ७०१२३४५६७८ है')).toBe('+917012345678');
  });

  it('reads a phone typed in Urdu digits', () => {
    expect(phone('۰۳۰۰۱۲۳۴۵۶۷')).toBe('+923001234567');
  });

  it('finds the phone among other numbers', () => {
    expect(phone('order 482913 9876543210')).toBe('9876543210');
    expect(phone('15-03-2024 7012345678')).toBe('+917012345678');
  });

  it('does not read an order number, a date or a landline-like number as a phone', () => {
    expect(phone('SG-482913')).toBeUndefined();
    expect(phone('482913')).toBeUndefined();
    expect(phone('15-03-2024')).toBeUndefined();
    expect(phone('1234567890')).toBeUndefined();
    expect(phone('+12 34')).toBeUndefined();
  });
});

describe('extractSlots: e-mails', () => {
  it('reads an e-mail inside a sentence and lower-cases its domain', () => {
    expect(extractSlots('mail me at Priya.Sharma+orders@Example.CO.IN please.', EMAIL).email).toBe('Priya.Sharma+orders@example.co.in');
  });

  it('does not read an address without a domain suffix', () => {
    expect(extractSlots('priya@localhost', EMAIL).email).toBeUndefined();
  });

  it('does not read a label glued on with a dash as part of the e-mail', () => {
    expect(extractSlots('Email-ravi.k@gmail.com', EMAIL).email).toBe('ravi.k@gmail.com');
  });

  it('reads an e-mail with a space typed beside the @', () => {
    expect(extractSlots('its ravi.k @gmail.com', EMAIL).email).toBe('ravi.k@gmail.com');
  });

  it('does not read digits of an e-mail as a phone', () => {
    expect(extractSlots('9876543210@gmail.com', [...PHONE, ...EMAIL])).toEqual({ email: '9876543210@gmail.com' });
  });
});

describe('extractSlots: dates', () => {
  it.each([
    ['2024-03-15', '2024-03-15'],
    ['2024/3/5', '2024-03-05'],
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['15-03-24', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['delivered on 29/02/2024?', '2024-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it('does not read a day that does not exist', () => {
    expect(date('31/02/2024')).toBeUndefined();
    expect(date('29/02/2023')).toBeUndefined();
    expect(date('15/13/2024')).toBeUndefined();
  });

  it.each([
    ['today', '2025-03-10'],
    ['Tomorrow please', '2025-03-11'],
    ['it came yesterday', '2025-03-09'],
    ['the day after tomorrow', '2025-03-12'],
    ['day before yesterday', '2025-03-08'],
    ['aaj', '2025-03-10'],
    ['kal deliver karo', '2025-03-11'],
    ['parso aana', '2025-03-12'],
    ['आज', '2025-03-10'],
    ['कल भेज दो', '2025-03-11'],
    ['परसों', '2025-03-12'],
    ['آج', '2025-03-10'],
    ['کل بھیج دیں', '2025-03-11'],
    ['भोलि', '2025-03-11'],
    ['हिजो', '2025-03-09'],
    ['पर्सि', '2025-03-12'],
  ])('reads %j relative to now as %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it('reads "kal" as yesterday when the message is in the past tense', () => {
    expect(date('kal order kiya tha')).toBe('2025-03-09');
    expect(date('कल ऑर्डर किया था')).toBe('2025-03-09');
    expect(date('کل آرڈر آیا تھا')).toBe('2025-03-09');
    expect(date('parso aaya tha')).toBe('2025-03-08');
  });

  it('does not read a word that merely contains a date word', () => {
    expect(date('आजकल')).toBeUndefined();
    expect(date('kalam')).toBeUndefined();
    expect(date('todays deals')).toBeUndefined();
  });

  it('counts relative days on the calendar of the configured time zone', () => {
    const lateEvening = new Date('2025-03-10T20:00:00Z'); // 01:30 on the 11th in India
    expect(date('today', lateEvening)).toBe('2025-03-10');
    expect(date('today', lateEvening, 'Asia/Kolkata')).toBe('2025-03-11');
  });

  it('crosses month and year ends', () => {
    expect(date('tomorrow', new Date('2024-12-31T10:00:00Z'))).toBe('2025-01-01');
    expect(date('yesterday', new Date('2024-03-01T10:00:00Z'))).toBe('2024-02-29');
  });

  it('treats an unknown time zone as UTC instead of throwing', () => {
    expect(date('today', now, 'Mars/Olympus')).toBe('2025-03-10');
  });
});

describe('extractSlots: regex slots', () => {
  it('takes the first match of the pattern', () => {
    expect(extractSlots('codes AB123456 and CD654321', [spec('code', 'regex', '[A-Z]{2}\\d{6}')]).code).toBe('AB123456');
  });

  it('takes the first capture group when the pattern has one', () => {
    expect(extractSlots('ticket T-7781 please', [spec('ticket', 'regex', 'T-(\\d+)')]).ticket).toBe('7781');
  });

  it('finds an anchored pattern in one word of a sentence', () => {
    expect(extractSlots('my code is AB123456.', [spec('code', 'regex', '^[A-Z]{2}\\d{6}$')]).code).toBe('AB123456');
  });

  it('matches an anchored pattern against the whole message', () => {
    expect(extractSlots('  AB123456  ', [spec('code', 'regex', '^[A-Z]{2}\\d{6}$')]).code).toBe('AB123456');
  });

  it('supports Unicode property escapes', () => {
    expect(extractSlots('नाम: राहुल', [spec('name', 'regex', 'नाम: ([\\p{L}\\p{M}]+)')]).name).toBe('राहुल');
  });

  it('returns nothing for a bad pattern instead of throwing', () => {
    expect(extractSlots('anything (', [spec('bad', 'regex', '(unclosed')])).toEqual({});
  });

  it('returns nothing when the pattern does not match', () => {
    expect(extractSlots('no code here', [spec('code', 'regex', '^[A-Z]{2}\\d{6}$')])).toEqual({});
  });
});

describe('extractSlots: several slots', () => {
  it('extracts only the kinds asked for', () => {
    expect(extractSlots('482913 a@b.co', EMAIL)).toEqual({ email: 'a@b.co' });
  });

  it('gives the first date to the first date slot and the second to the second', () => {
    expect(extractSlots('from 01/03/2025 to 05/03/2025', [spec('from', 'date'), spec('to', 'date')], { now })).toEqual({
      from: '2025-03-01',
      to: '2025-03-05',
    });
  });

  it('extracts nothing from a message without values', () => {
    expect(extractSlots('hello, where is my parcel?', ALL, { now })).toEqual({});
  });

  it('extracts nothing when there are no specs', () => {
    expect(extractSlots('SG-482913', [])).toEqual({});
  });

  it('reports where each value sits in the message', () => {
    const text = 'order #482913 please';
    const [found] = findSlotValues(text, ORDER);
    expect(found).toMatchObject({ name: 'order_number', value: 'SG-482913' });
    expect(text.slice(found!.start, found!.end)).toBe('#482913');
  });
});
