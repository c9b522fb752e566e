import { tellsPast } from '../../../../src/nlu/clauses';

describe('tellsPast', () => {
  it.each([
    ['en', 'it was delivered on monday'],
    ['hi-Latn', 'delivery kal hui thi'],
    ['hi', 'मेरा फ्रिज परसों आया था'],
    ['ur', 'ٹی وی کل ڈیلیور ہوا تھا'],
    ['ne', 'फ्रिज हिजो आयो'],
    ['ne', 'ल्यापटप हो, २२ नोभेम्बरमा अर्डर गरेको'],
    ['ne-Latn', 'maile 6500 tireko thiye'],
  ])('hears a %s clause that tells what happened: %s', (_lang, text) => {
    expect(tellsPast(text)).toBe(true);
  });

  it.each([
    ['en', 'shipping charges for pune'],
    ['hi-Latn', 'sunday ko bhi khula'],
    ['ur', 'کیا ایکسچینج ہو جائے گا'],
    ['hi-Latn', 'iske liye kitna lagega'],
  ])('hears nothing past in a %s clause that asks or states the present: %s', (_lang, text) => {
    expect(tellsPast(text)).toBe(false);
  });
});
