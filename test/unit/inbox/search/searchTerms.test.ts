import { exactTermOfFact, exactTermsOfAddress, normaliseOrder, normalisePhone, readQuery, wordsOf } from '../../../../src/inbox/search/searchTerms';

describe('how search values are normalised', () => {
  test('an order number compares without case or punctuation', () => {
    expect(normaliseOrder('SG-482913')).toBe('sg482913');
    expect(normaliseOrder('sg 482913')).toBe(normaliseOrder('SG482913'));
  });

  test('a word without a digit is not an order number', () => {
    expect(normaliseOrder('refund')).toBeNull();
  });

  test('a phone compares on its last 10 digits, with or without the country code', () => {
    expect(normalisePhone('+91 98765 43210')).toBe('9876543210');
    expect(normalisePhone('098765-43210')).toBe('9876543210');
  });

  test('fewer than 7 digits are not a phone', () => {
    expect(normalisePhone('12345')).toBeNull();
  });

  test('words are lower-cased, deduplicated, in any script, and at most 24 per message', () => {
    expect(wordsOf('Where is my ORDER? order मेरा ऑर्डर')).toEqual(['where', 'is', 'my', 'order', 'मेरा', 'ऑर्डर']);
    expect(wordsOf(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(24);
  });

  test('a fact becomes an exact entry for order numbers, phones and e-mails only', () => {
    expect(exactTermOfFact({ kind: 'order_number', value: 'SG-482913' })).toEqual({ kind: 'order', value: 'sg482913' });
    expect(exactTermOfFact({ kind: 'phone', value: '+919876543210' })).toEqual({ kind: 'phone', value: '9876543210' });
    expect(exactTermOfFact({ kind: 'email', value: 'Asha.K@Example.in' })).toEqual({ kind: 'email', value: 'asha.k@example.in' });
    expect(exactTermOfFact({ kind: 'product', value: 'tv' })).toBeNull();
  });

  test('a WhatsApp address is indexed as its phone only', () => {
    expect(exactTermsOfAddress('whatsapp:+919876543210')).toEqual([{ kind: 'phone', value: '9876543210' }]);
  });

  test('an address that is neither a phone nor an e-mail is indexed as itself', () => {
    expect(exactTermsOfAddress('messenger:8f3a2c1d-psid')).toEqual([{ kind: 'address', value: '8f3a2c1d-psid' }]);
  });

  test('an e-mail address is indexed as its e-mail only', () => {
    expect(exactTermsOfAddress('email:Asha.K@Example.in')).toEqual([{ kind: 'email', value: 'asha.k@example.in' }]);
  });
});

describe('reading a query', () => {
  test('an order number typed any way looks up the same entry', () => {
    expect(readQuery('sg-482913').exact).toContainEqual({ kind: 'order', value: 'sg482913' });
    expect(readQuery('SG 482913').exact).toContainEqual({ kind: 'order', value: 'sg482913' });
  });

  test('a phone typed with spaces looks up its last 10 digits', () => {
    expect(readQuery('+91 98765 43210').exact).toContainEqual({ kind: 'phone', value: '9876543210' });
  });

  test('an e-mail looks up the e-mail and no words', () => {
    const q = readQuery('Asha.K@example.in');
    expect(q.exact).toContainEqual({ kind: 'email', value: 'asha.k@example.in' });
    expect(q.words).toEqual([]);
  });

  test('words are looked up, at most five', () => {
    expect(readQuery('broken tv screen since monday please help now').words).toEqual(['broken', 'tv', 'screen', 'since', 'monday']);
  });
});
