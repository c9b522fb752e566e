import { answerAct, keepRest } from '../../../../src/bot/dialogue/answerAct';
import { readActs } from '../../../../src/nlu/acts';

const none = { confirm: false, pending: false };

describe('answerAct', () => {
  test.each([
    ['ack', 'acknowledge'], ['emoji', 'acknowledge'], ['thanks', 'thanks'], ['greeting', 'greeting'], ['goodbye', 'goodbye'],
    ['yes', 'whatElse'], ['no', 'goodbye'],
  ] as const)('with nothing open, %s is answered with the %s message', (act, message) => {
    expect(answerAct([act], none)).toMatchObject({ kind: 'reply', message });
  });

  test('yes confirms an open "did you mean…?"; no asks for other words', () => {
    expect(answerAct(['yes'], { confirm: true, pending: false })).toEqual({ kind: 'confirm', act: 'yes' });
    expect(answerAct(['no'], { confirm: true, pending: false })).toMatchObject({ kind: 'reply', message: 'rephrase' });
  });

  test('while a detail is awaited, ok and yes ask again; thanks, no and goodbye close the question', () => {
    expect(answerAct(['ack'], { confirm: false, pending: true }).kind).toBe('ask_again');
    expect(answerAct(['yes'], { confirm: false, pending: true }).kind).toBe('ask_again');
    expect(answerAct(['thanks'], { confirm: false, pending: true })).toMatchObject({ kind: 'reply', message: 'thanks' });
    expect(answerAct(['goodbye'], { confirm: false, pending: true })).toMatchObject({ kind: 'reply', message: 'goodbye' });
  });

  test('goodbye and no drop the options offered; an acknowledgement keeps them', () => {
    expect(answerAct(['goodbye'], none)).toMatchObject({ keepOptions: false });
    expect(answerAct(['ack'], none)).toMatchObject({ keepOptions: true });
  });
});

describe('keepRest', () => {
  test('blanks the acts around the question and keeps the length', () => {
    const text = 'hi, SG-482913 where is it? thanks';
    const kept = keepRest(text, readActs(text));
    expect(kept).toHaveLength(text.length);
    expect(kept.trim()).toBe('SG-482913 where is it?');
  });

  test('a message of only acts is all blank', () => {
    expect(keepRest('ok 👍', readActs('ok 👍')).trim()).toBe('');
  });
});
