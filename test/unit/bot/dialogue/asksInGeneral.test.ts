import { asksInGeneral } from '../../../../src/bot/dialogue/asksInGeneral';

describe('asksInGeneral', () => {
  it.each([
    ['en', 'how long does a refund usually take?'],
    ['en', 'just asking, no order yet'],
    ['hi', 'रिफंड आम तौर पर कितने दिन में आता है?'],
    ['hi-Latn', 'abhi order nahi kiya, bas general pooch raha hu'],
    ['ur', 'ریفنڈ عام طور پر کتنے دن میں آتا ہے؟'],
    ['ne', 'रिफन्ड सामान्यतया कति दिनमा आउँछ?'],
    ['ne-Latn', 'order gareko chaina, sodheko matra'],
  ])('hears a %s question about the rule: %s', (_lang, text) => {
    expect(asksInGeneral(text)).toBe(true);
  });

  it.each([
    ['en', 'my refund usually comes in a week but its been 12 days'],
    ['hi-Latn', 'mera refund aam taur pe 5 din me aata hai, abhi tak nahi aaya'],
    ['ur', 'میرا ریفنڈ عام طور پر جلدی آتا ہے، اس بار نہیں آیا'],
    ['ne', 'मेरो रिफन्ड सामान्यतया छिटो आउँछ'],
  ])('leaves a %s "usually" about the customer\'s own order to that order: %s', (_lang, text) => {
    expect(asksInGeneral(text)).toBe(false);
  });

  it('hears no rule in a plain question', () => {
    expect(asksInGeneral('where is my refund')).toBe(false);
  });

  it('lets "no order yet" win over "my"', () => {
    expect(asksInGeneral('my question is general, i have not ordered yet')).toBe(true);
  });
});
