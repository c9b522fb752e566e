import { rememberRecent } from '../../../src/nlu/rememberRecent';

describe('rememberRecent', () => {
  test('asks the function once for a key asked again', () => {
    const fn = jest.fn((key: string) => key.length);
    const remembered = rememberRecent(fn, 4);
    expect([remembered('abc'), remembered('abc'), remembered('de')]).toEqual([3, 3, 2]);
    expect(fn.mock.calls).toEqual([['abc'], ['de']]);
  });

  test('remembers an undefined result too', () => {
    const fn = jest.fn((): string | undefined => undefined);
    const remembered = rememberRecent(fn, 4);
    remembered('x');
    remembered('x');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('forgets the oldest key once more than `size` keys were asked', () => {
    const fn = jest.fn((key: string) => key.toUpperCase());
    const remembered = rememberRecent(fn, 2);
    remembered('a');
    remembered('b');
    remembered('c');
    remembered('b');
    remembered('a');
    expect(fn.mock.calls).toEqual([['a'], ['b'], ['c'], ['a']]);
  });

  test('refuses a size below 1', () => {
    expect(() => rememberRecent((k) => k, 0)).toThrow(/at least 1/);
  });
});
