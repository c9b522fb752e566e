import { DEFAULT_ESCALATION_CONFIG } from '../../../../src/handoff/types';
import { angerShownOnlyBySigns, scoreSentiment } from '../../../../src/handoff/sentiment';

const ANGRY = DEFAULT_ESCALATION_CONFIG.angerThreshold;

interface LanguageCases {
  lang: string;
  angry: string;
  neutral: string;
  thanks: string;
  negated: string;
  abusive: string;
  /** Mockery of the service, with no complaint word: "is this a joke?". */
  joke: string;
}

const cases: LanguageCases[] = [
  {
    lang: 'en',
    angry: 'This is the worst service ever, I am really frustrated',
    neutral: 'What time does your Lahore store open?',
    thanks: 'Thank you so much, that was helpful',
    negated: 'The delivery was not bad',
    abusive: 'you people are idiots',
    joke: 'Is this a joke? Three weeks and my washing machine is still not here',
  },
  {
    lang: 'hi-Latn',
    angry: 'aapki service bahut bakwaas hai, ghatiya log ho',
    neutral: 'mera order kab tak aayega?',
    thanks: 'bahut shukriya bhai',
    negated: 'service bura nahi tha',
    abusive: 'saale chor ho tum log',
    joke: 'ye kya mazaak hai, 10 din se TV nahi aaya',
  },
  {
    lang: 'hi',
    angry: 'आपकी सर्विस बहुत ख़राब है, मुझे बहुत गुस्सा है',
    neutral: 'मेरा ऑर्डर कब तक आएगा?',
    thanks: 'बहुत धन्यवाद, मदद मिल गई',
    negated: 'सर्विस बुरी नहीं थी',
    abusive: 'गधे हो क्या तुम लोग',
    joke: 'ये क्या मज़ाक है, दस दिन से फ्रिज नहीं आया',
  },
  {
    lang: 'ur',
    angry: 'آپ کی سروس بہت بکواس ہے، مجھے بہت غصہ ہے',
    neutral: 'میرا آرڈر کب تک پہنچے گا؟',
    thanks: 'بہت شکریہ، مسئلہ حل ہو گیا',
    negated: 'سروس بری نہیں تھی',
    abusive: 'تم لوگ بیوقوف ہو',
    joke: 'یہ کیا مذاق ہے! تین ہفتے ہو گئے، واشنگ مشین ابھی تک نہیں آئی',
  },
  {
    lang: 'ne',
    angry: 'तपाईंको सेवा धेरै बकवास छ, रिस उठ्यो',
    neutral: 'मेरो अर्डर कहिले आइपुग्छ?',
    thanks: 'धेरै धन्यवाद, सहयोगको लागि',
    negated: 'सेवा नराम्रो छैन',
    abusive: 'मूर्ख हो तिमीहरू',
    joke: 'यो के ठट्टा हो, तीन हप्ता भयो ल्यापटप आएन',
  },
];

describe.each(cases)('scoreSentiment in $lang', ({ lang, angry, neutral, thanks, negated, abusive, joke }) => {
  it('scores an angry complaint at or above the default anger threshold', () => {
    const s = scoreSentiment(angry, lang);
    expect(s.anger).toBeGreaterThanOrEqual(ANGRY);
    expect(s.label).toBe('negative');
    expect(s.abusive).toBe(false);
  });

  it('scores a customer asking whether the service is a joke at or above the threshold', () => {
    expect(scoreSentiment(joke, lang).anger).toBeGreaterThanOrEqual(ANGRY);
  });

  it('scores a neutral question as neutral with no anger', () => {
    expect(scoreSentiment(neutral, lang)).toEqual({ score: 0, label: 'neutral', anger: 0, abusive: false, matched: [] });
  });

  it('scores thanks as positive', () => {
    const s = scoreSentiment(thanks, lang);
    expect(s.label).toBe('positive');
    expect(s.anger).toBe(0);
  });

  it('does not count a negated complaint word as anger', () => {
    const s = scoreSentiment(negated, lang);
    expect(s.anger).toBe(0);
    expect(s.label).not.toBe('negative');
    expect(s.matched.some((m) => m.startsWith('negated:'))).toBe(true);
  });

  it('flags insults as abusive', () => {
    const s = scoreSentiment(abusive, lang);
    expect(s.abusive).toBe(true);
    expect(s.label).toBe('negative');
  });
});

describe('scoreSentiment: nobody answering', () => {
  it.each([
    ['en', '😡 called 3 times and nobody picks up, where is my order'],
    ['hi', '😡😡😡 तीन बार कॉल किया कोई जवाब नहीं, मेरा ऑर्डर कहाँ है'],
    ['hi-Latn', '😡 3 baar call kiya koi uthata hi nahi, order kahan hai'],
    ['ur', '😡 تین بار کال کی کوئی جواب نہیں، میرا آرڈر کہاں ہے'],
    ['ne', '😡 तीन पटक फोन गरें कसैले उठाउँदैन, मेरो अर्डर कहाँ छ'],
  ])('reads a %s customer told nobody answers as angry in words, not only by signs', (lang, text) => {
    const s = scoreSentiment(text, lang);
    expect(s.anger).toBeGreaterThanOrEqual(ANGRY);
    expect(angerShownOnlyBySigns(s)).toBe(false);
  });
});

describe('scoreSentiment: intensity and emphasis', () => {
  it('reads an intensified complaint as angrier than the plain one', () => {
    expect(scoreSentiment('service bahut kharab hai').anger).toBeGreaterThan(scoreSentiment('service kharab hai').anger);
    expect(scoreSentiment('very bad service').anger).toBeGreaterThan(scoreSentiment('bad service').anger);
    expect(scoreSentiment('सेवा धेरै नराम्रो छ').anger).toBeGreaterThan(scoreSentiment('सेवा नराम्रो छ').anger);
    expect(scoreSentiment('سروس بہت خراب ہے').anger).toBeGreaterThan(scoreSentiment('سروس خراب ہے').anger);
  });

  it('reads repeated exclamation marks as angrier', () => {
    expect(scoreSentiment('bad service!!!').anger).toBeGreaterThan(scoreSentiment('bad service').anger);
  });

  it('reads a complaint in capitals as angrier', () => {
    expect(scoreSentiment('BAD SERVICE').anger).toBeGreaterThan(scoreSentiment('bad service').anger);
  });

  it('reads a shouted question with no sentiment word as some impatience, below the threshold', () => {
    const s = scoreSentiment('WHERE IS MY ORDER???');
    expect(s.anger).toBeGreaterThan(0);
    expect(s.anger).toBeLessThan(ANGRY);
  });

  it('does not read shouted thanks as anger', () => {
    const s = scoreSentiment('THANK YOU!!!');
    expect(s.anger).toBe(0);
    expect(s.label).toBe('positive');
  });

  it('reads angry emoji as anger', () => {
    expect(scoreSentiment('order kahan hai 😡🤬').anger).toBeGreaterThanOrEqual(ANGRY);
  });

  it('reads stretched spellings like the plain word', () => {
    expect(scoreSentiment('bakwaaaas service').matched).toContain('anger:bakwas');
  });

  it('keeps "no thanks" polite', () => {
    expect(scoreSentiment('no thanks').label).toBe('positive');
  });

  it('reads a negated positive word as dissatisfaction', () => {
    const s = scoreSentiment('I am not happy with this');
    expect(s.label).toBe('negative');
    expect(s.anger).toBeGreaterThan(0);
  });

  it('does not let a negation reach across a comma', () => {
    expect(scoreSentiment('no, this is terrible').anger).toBeGreaterThan(0.5);
  });

  it('flags masked profanity', () => {
    expect(scoreSentiment('f*** this company').abusive).toBe(true);
  });

  it('does not flag an email address or an ordinary word as masked profanity', () => {
    expect(scoreSentiment('mail me at f@example.com about my shift').abusive).toBe(false);
  });

  it('does not flag a complaint word like "kharab" as abuse', () => {
    expect(scoreSentiment('phone kharab ho gaya').abusive).toBe(false);
  });

  it.each([['मेरे कुत्ते के लिए कोई अच्छा नाम सुझाओ'], ['mera kutta bimar hai'], ['میرے کتے کے لیے کچھ ہے؟']])(
    'does not flag the customer’s own animal as abuse: "%s"',
    (text) => expect(scoreSentiment(text).abusive).toBe(false),
  );

  it('still flags the same word aimed at the person written to', () => {
    expect(scoreSentiment('tum log kutte ho').abusive).toBe(true);
  });

  it.each([['ok thanks. is there any sale going on these days?'], ['koi sale chal rahi hai kya laptop pe']])(
    'does not read the shop word "sale" as the insult "saale": "%s"',
    (text) => {
      const s = scoreSentiment(text);
      expect([s.abusive, s.anger]).toEqual([false, 0]);
    },
  );

  it('still flags the insult "saale" spelled out', () => {
    expect(scoreSentiment('saale chor ho tum log').abusive).toBe(true);
  });

  it('keeps anger and score inside their ranges on a pile of insults', () => {
    const s = scoreSentiment('idiot stupid moron worst pathetic fraud 😡😡 !!!!!');
    expect(s.anger).toBeLessThanOrEqual(1);
    expect(s.score).toBeGreaterThanOrEqual(-1);
  });
});

describe('angerShownOnlyBySigns', () => {
  it('tells anger shown by an angry emoji and "??" from anger in words', () => {
    expect(angerShownOnlyBySigns(scoreSentiment('मेरा order अभी तक नहीं आया 😡 कब तक आएगा??'))).toBe(true);
    expect(angerShownOnlyBySigns(scoreSentiment('worst service ever 😡'))).toBe(false);
  });

  it('counts a message shouted in capitals as signs only', () => {
    expect(angerShownOnlyBySigns(scoreSentiment('WHERE IS MY ORDER SG731590??? 😡😡'))).toBe(true);
  });

  it('never calls abuse or a negated kind word a sign ("not happy", masked swearing)', () => {
    expect(angerShownOnlyBySigns(scoreSentiment('not happy at all 😡'))).toBe(false);
    expect(angerShownOnlyBySigns(scoreSentiment('what the f@ck 😡'))).toBe(false);
  });

  it('finds no signs in a message with no sentiment at all', () => {
    expect(angerShownOnlyBySigns(scoreSentiment('where is my order'))).toBe(false);
  });
});
