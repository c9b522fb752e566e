import { deliveryErrorWords } from '../../../src/outbound/deliveryErrorWords';

describe('the words for a failed send', () => {
  test.each([
    ['63016', /24-hour window.*template/],
    ['63003', /could not find this number/],
    ['21211', /not a valid number/],
    ['131047', /24-hour window.*template/],
    ['10:2018278', /Messenger's 24-hour window/],
    ['551', /isn't available/],
    ['551:1545041', /isn't available/],
    ['HTTP_503', /server error/],
  ])('explains %s', (code, words) => {
    expect(deliveryErrorWords(code)).toMatch(words);
  });

  test('says nothing for a code it does not know, rather than guessing', () => {
    expect(deliveryErrorWords('99999')).toBeUndefined();
    expect(deliveryErrorWords(undefined)).toBeUndefined();
  });
});
