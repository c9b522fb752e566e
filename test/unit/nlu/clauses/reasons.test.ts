import { withoutReason } from '../../../../src/nlu/clauses';

describe('withoutReason', () => {
  test.each([
    ['en', 'when will it be delivered because i need to be home for it', 'when will it be delivered'],
    ['en', 'how long will delivery take coz i travel on friday', 'how long will delivery take'],
    ['hi-Latn', 'delivery kab hogi kyunki main bahar hoon', 'delivery kab hogi'],
    ['hi', 'डिलीवरी कब होगी क्योंकि मैं बाहर हूँ', 'डिलीवरी कब होगी'],
    ['ur', 'ڈیلیوری کب ہوگی کیونکہ میں باہر ہوں', 'ڈیلیوری کب ہوگی'],
    ['ne', 'डेलिभरी कहिले हुन्छ किनभने म बाहिर छु', 'डेलिभरी कहिले हुन्छ'],
  ])('leaves out the reason given after a %s question', (_lang, text, question) => expect(withoutReason(text)).toBe(question));

  test('keeps a message that gives its reason first', () => {
    expect(withoutReason('because of the rain, is delivery late?')).toBe('because of the rain, is delivery late?');
  });

  test('keeps a message whose words before "because" ask nothing', () => {
    expect(withoutReason('i am returning it because it broke')).toBe('i am returning it because it broke');
  });

  test('keeps "since" and "cause", which are not only "because"', () => {
    expect(withoutReason('where is my order since monday')).toBe('where is my order since monday');
    expect(withoutReason('what is the cause of the delay')).toBe('what is the cause of the delay');
  });
});
