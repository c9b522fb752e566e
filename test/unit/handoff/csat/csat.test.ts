import { isLowScore, parseSurveyAnswer, surveyFor, SURVEY_TEXTS, thanksFor } from '../../../../src/handoff/csat';

const LANGS = ['en', 'hi', 'hi-Latn', 'ur', 'ne'];

describe('surveyFor', () => {
  it('asks csat5 on Messenger with five buttons whose payloads carry the score', () => {
    const s = surveyFor('csat5', 'en', 'messenger');
    expect(s.text).toBe('How did we do? Reply 1–5 (1 = very poor, 5 = excellent).');
    expect(s.quickReplies).toEqual([
      { title: '1 Very poor', payload: 'csat:1' },
      { title: '2 Poor', payload: 'csat:2' },
      { title: '3 OK', payload: 'csat:3' },
      { title: '4 Good', payload: 'csat:4' },
      { title: '5 Excellent', payload: 'csat:5' },
    ]);
  });

  it('asks csat5 on WhatsApp as a numbered list in the text, without buttons', () => {
    const s = surveyFor('csat5', 'hi-Latn', 'whatsapp');
    expect(s.quickReplies).toBeUndefined();
    expect(s.text.split('\n').slice(-5)).toEqual(['1. Bahut kharab', '2. Kharab', '3. Theek', '4. Achha', '5. Bahut badhiya']);
  });

  it('asks nps10 on Messenger with eleven buttons from 0 to 10', () => {
    const s = surveyFor('nps10', 'ur', 'messenger');
    expect(s.quickReplies?.map((q) => q.payload)).toEqual(Array.from({ length: 11 }, (_, i) => `nps:${i}`));
  });

  it('asks nps10 on WhatsApp in the text alone', () => {
    expect(surveyFor('nps10', 'ne', 'whatsapp')).toEqual({ text: SURVEY_TEXTS.ne!.nps10 });
  });

  it.each(LANGS)('has a csat5 and an nps10 question in %s that mention the scale', (lang) => {
    expect(surveyFor('csat5', lang, 'whatsapp').text).toContain('1–5');
    expect(surveyFor('nps10', lang, 'whatsapp').text).toContain('0–10');
  });

  it.each(LANGS)('keeps every Messenger button title in %s within 20 characters', (lang) => {
    for (const q of surveyFor('csat5', lang, 'messenger').quickReplies ?? []) expect([...q.title].length).toBeLessThanOrEqual(20);
  });

  it('falls back to English for a language without texts', () => {
    expect(surveyFor('csat5', 'fr', 'messenger').text).toBe(surveyFor('csat5', 'en', 'messenger').text);
  });
});

describe('parseSurveyAnswer', () => {
  it.each([
    ['5', { score: 5 }],
    ['5 - great help', { score: 5, comment: 'great help' }],
    ['4/5', { score: 4 }],
    ['3 stars, slow reply', { score: 3, comment: 'slow reply' }],
    ['٥', { score: 5 }],
    ['۴', { score: 4 }],
    ['५', { score: 5 }],
    ['⭐⭐⭐⭐', { score: 4 }],
    ['⭐⭐ bahut der lagi', { score: 2, comment: 'bahut der lagi' }],
    ['five', { score: 5 }],
    ['Paanch', { score: 5 }],
    ['پانچ', { score: 5 }],
    ['पाँच', { score: 5 }],
    ['दुई', { score: 2 }],
    ['2 👎', { score: 2 }],
  ])('reads "%s" on csat5', (text, expected) => {
    expect(parseSurveyAnswer(text, 'csat5')).toEqual(expected);
  });

  it('reads a button payload', () => {
    expect(parseSurveyAnswer({ payload: 'csat:4', text: '4 Good' }, 'csat5')).toEqual({ score: 4 });
    expect(parseSurveyAnswer({ payload: 'nps:9' }, 'nps10')).toEqual({ score: 9 });
  });

  it('reads a payload passed as a plain string', () => {
    expect(parseSurveyAnswer('csat:2', 'csat5')).toEqual({ score: 2 });
  });

  it("ignores a payload of the other scale", () => {
    expect(parseSurveyAnswer({ payload: 'nps:9' }, 'csat5')).toBeNull();
  });

  it('reads 0 to 10 on nps10, with comments', () => {
    expect(parseSurveyAnswer('0', 'nps10')).toEqual({ score: 0 });
    expect(parseSurveyAnswer('10/10: fast delivery', 'nps10')).toEqual({ score: 10, comment: 'fast delivery' });
    expect(parseSurveyAnswer('das', 'nps10')).toEqual({ score: 10 });
  });

  it.each(['7', '0', '11'])('refuses "%s" as out of range on csat5', (text) => {
    expect(parseSurveyAnswer(text, 'csat5')).toBeNull();
  });

  it.each(['where is my order', '2 items missing from my order', 'do you deliver to Pokhara?', 'SG-482913', '', 'ek aur sawal hai'])(
    'returns null for unrelated text "%s"',
    (text) => {
      expect(parseSurveyAnswer(text, 'csat5')).toBeNull();
    },
  );
});

describe('isLowScore', () => {
  it('reads csat5 1 and 2 as low, 3 and up as not', () => {
    expect([1, 2, 3, 4, 5].map((s) => isLowScore(s, 'csat5'))).toEqual([true, true, false, false, false]);
  });

  it('reads nps10 0 to 6 as low (detractors), 7 and up as not', () => {
    expect([0, 6, 7, 10].map((s) => isLowScore(s, 'nps10'))).toEqual([true, true, false, false]);
  });
});

describe('thanksFor', () => {
  it.each(LANGS)('thanks the customer in %s', (lang) => {
    expect(thanksFor(lang)).toBe(SURVEY_TEXTS[lang]!.thanks);
    expect(thanksFor(lang).length).toBeGreaterThan(5);
  });

  it('thanks in English for an unknown language', () => {
    expect(thanksFor('fr')).toBe('Thank you for your feedback!');
  });
});
