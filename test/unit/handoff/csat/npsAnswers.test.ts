import { parseSurveyAnswer, surveyFor, surveyPlan } from '../../../../src/handoff/csat';
import { npsWhyFor } from '../../../../src/handoff/csat';

/** NPS answers (0–10) as customers type them in the five catalog languages. */
describe('reading an NPS answer', () => {
  test.each([
    ['9', 9],
    ['nine', 9],
    ['Ten', 10],
    ['zero', 0],
    ['nau', 9],
    ['das', 10],
    ['नौ', 9],
    ['दस', 10],
    ['९', 9],
    ['१०', 10],
    ['نو', 9],
    ['۹', 9],
    ['۱۰', 10],
    ['दुई', 2],
    ['दश', 10],
    ['०', 0],
  ])('"%s" is the score %i', (text, score) => {
    expect(parseSurveyAnswer(text, 'nps10')).toEqual({ score });
  });

  test('a score followed by a separator keeps the rest as the reason', () => {
    expect(parseSurveyAnswer('7 - delivery was late', 'nps10')).toEqual({ score: 7, comment: 'delivery was late' });
    expect(parseSurveyAnswer('آٹھ، اچھی سروس', 'nps10')).toEqual({ score: 8, comment: 'اچھی سروس' });
  });

  test('a tapped button payload nps:N is read, a csat payload is not', () => {
    expect(parseSurveyAnswer({ payload: 'nps:6' }, 'nps10')).toEqual({ score: 6 });
    expect(parseSurveyAnswer({ payload: 'csat:4' }, 'nps10')).toBeNull();
  });

  test('numbers beyond 10 and sentences starting with a number are not scores', () => {
    expect(parseSurveyAnswer('11', 'nps10')).toBeNull();
    expect(parseSurveyAnswer('2 items missing', 'nps10')).toBeNull();
  });
});

describe('the NPS question and its follow-up', () => {
  test.each([
    ['en', /recommend/],
    ['hi', /सुझाने/],
    ['hi-Latn', /recommend/],
    ['ur', /تجویز/],
    ['ne', /सिफारिस/],
  ])('is asked in %s', (lang, pattern) => {
    expect(surveyFor('nps10', lang, 'whatsapp').text).toMatch(pattern);
  });

  test.each([
    ['en', /reason/],
    ['hi', /क्यों/],
    ['hi-Latn', /kyun/],
    ['ur', /کیوں/],
    ['ne', /किन/],
  ])('"why?" is asked in %s', (lang, pattern) => {
    expect(npsWhyFor(lang)).toMatch(pattern);
  });

  test('Messenger gets eleven buttons 0–10', () => {
    expect(surveyFor('nps10', 'en', 'messenger').quickReplies?.map((q) => q.payload)).toEqual(
      Array.from({ length: 11 }, (_, i) => `nps:${i}`),
    );
  });
});

describe('the survey plan of a team', () => {
  test('csat, nps and both; no setting keeps the server-wide scale', () => {
    expect(surveyPlan('csat', 'nps10')).toEqual({ csat: 'csat5', nps: false });
    expect(surveyPlan('nps', 'csat5')).toEqual({ csat: null, nps: true });
    expect(surveyPlan('both', 'csat5')).toEqual({ csat: 'csat5', nps: true });
    expect(surveyPlan(undefined, 'nps10')).toEqual({ csat: 'nps10', nps: false });
  });
});
